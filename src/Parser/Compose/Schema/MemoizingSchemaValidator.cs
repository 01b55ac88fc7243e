using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace DockerLint.Parser.Compose.Schema;

/// <summary>
/// NJsonSchema's validator with <see cref="ComposeSchemaMemo"/> in front of each step of its walk
/// (NJsonSchema validates every value and every alternative through one overridable method). Every
/// check is NJsonSchema's own; the memo only spares walking a value whose verdict against the same
/// subschema is already known.
/// <para>
/// Two passes, so results are NJsonSchema's exactly: <see cref="IsValid"/> asks only for the verdict
/// and may answer any step from the memo, valid or not (a remembered "invalid" comes back as a
/// stand-in error list: NJsonSchema decides a parent's verdict from whether its children's lists are
/// empty, never from what is in them). Only when the document is invalid does <see cref="Validate"/>
/// walk it again for the real errors, answering from the memo only the steps known to be valid (an
/// empty list is the same wherever it comes from).
/// </para>
/// </summary>
internal sealed class MemoizingSchemaValidator : JsonSchemaValidator
{
    // The Compose schema uses no "format", so no format validator can apply; leaving them out spares
    // building NJsonSchema's table of them for every validator.
    private static readonly JsonSchemaValidatorSettings s_settings = new() { FormatValidators = [] };

    // NJsonSchema only reads the lists a step returns (counts them, copies them, keeps them in a
    // parent error), so one shared empty list and one shared stand-in serve every answer from the memo.
    private static readonly ValidationError[] s_valid = [];

    private static readonly ValidationError[] s_invalid =
    [
        new ValidationError(ValidationErrorKind.Unknown, "", "", JValue.CreateNull(), new JsonSchema()),
    ];

    private readonly ComposeJsonDocument _document;
    private readonly ComposeSchemaMemo _memo;
    private bool _verdictOnly;

    public MemoizingSchemaValidator(ComposeJsonDocument document)
        : base(s_settings)
    {
        _document = document;
        _memo = document.Memo;
    }

    /// <summary>True when the document satisfies the Compose schema.</summary>
    public bool IsValid()
    {
        _verdictOnly = true;
        return Validate(_document.Root, ComposeSchema.Instance).Count == 0;
    }

    /// <summary>NJsonSchema's errors for the document against the Compose schema.</summary>
    public ICollection<ValidationError> Validate()
    {
        _verdictOnly = false;
        return Validate(_document.Root, ComposeSchema.Instance);
    }

    protected override ICollection<ValidationError> Validate(JToken token, JsonSchema schema, SchemaType schemaType, string? propertyName, string propertyPath)
    {
        if (!_document.TryGetShape(token, out var shape))
        {
            return base.Validate(token, schema, schemaType, propertyName, propertyPath);
        }

        switch (_memo.Verdict(schema, shape))
        {
            case true:
                return s_valid;
            case false when _verdictOnly:
                return s_invalid;
        }

        // A verdict needs no paths: an empty one spares NJsonSchema building a path string for every
        // property of every subschema it visits (it appends to the path it is given).
        var errors = base.Validate(token, schema, schemaType, propertyName, _verdictOnly ? "" : propertyPath);
        _memo.Record(schema, shape, errors.Count == 0);
        return errors;
    }
}
