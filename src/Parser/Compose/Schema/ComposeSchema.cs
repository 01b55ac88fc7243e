using NJsonSchema;

namespace DockerLint.Parser.Compose.Schema;

/// <summary>
/// The Compose Specification's JSON schema (draft-07), embedded in this assembly as
/// <see cref="ResourceName"/> and parsed once, on first use, by NJsonSchema. The schema's
/// <c>$ref</c>s are all internal (<c>#/definitions/...</c>), so loading it reads no file and
/// no network.
/// </summary>
internal static class ComposeSchema
{
    /// <summary>The logical name of the embedded schema.</summary>
    public const string ResourceName = "DockerLint.Parser.Compose.Schema.compose-spec.json";

    private static readonly Lazy<JsonSchema> s_schema = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The parsed schema.</summary>
    public static JsonSchema Instance => s_schema.Value;

    /// <summary>The schema's JSON text, as shipped.</summary>
    public static string ReadText()
    {
        using var stream = typeof(ComposeSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(ComposeSchema).Assembly.GetName().Name}; the build is broken.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static JsonSchema Load()
    {
        var text = ReadText();

        // FromJsonAsync does no I/O for a schema whose references are all internal; Task.Run keeps a
        // caller's synchronization context out of the blocking wait.
        return Task.Run(() => JsonSchema.FromJsonAsync(text)).GetAwaiter().GetResult();
    }
}
