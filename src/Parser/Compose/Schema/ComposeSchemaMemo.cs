using System.Collections.Concurrent;
using NJsonSchema;

namespace DockerLint.Parser.Compose.Schema;

/// <summary>
/// What schema validation has already established in this process. Each JSON value gets a shape
/// number, equal for equal values (same type and text for a scalar; same keys in the same order
/// with the same shapes for a mapping; same shapes in the same order for a list), and the verdict
/// NJsonSchema gave a (subschema, shape) pair is remembered, so the same value met again (a service
/// copied between files, an anchor used twice, <c>restart: always</c> in every service) is not
/// walked again. A JSON Schema's verdict on a value depends on the value and the schema only, never
/// on where the value sits, so a remembered verdict is the verdict. Error lists, which carry paths
/// and tokens, are never remembered.
/// <para>
/// Bounded: once <see cref="MaxShapes"/> shapes or <see cref="MaxKeyChars"/> characters of keys are
/// held, new values get no shape (<see cref="NoShape"/>) and are validated as if there were no memo;
/// what is held stays valid. The whole corpus of 628 Compose files needs about 13,000 shapes, 730,000
/// key characters and 22,000 verdicts (about 5 MB held); the bounds are ten times that, so a large
/// repository is covered and the memory held stays a few tens of MB at most. Thread-safe.
/// </para>
/// </summary>
internal sealed class ComposeSchemaMemo
{
    /// <summary>The shape of a value the memo holds no number for.</summary>
    public const int NoShape = -1;

    /// <summary>The most shapes held.</summary>
    public const int MaxShapes = 1 << 17;

    /// <summary>The most characters of shape keys held (about twice as many bytes).</summary>
    public const long MaxKeyChars = 2L << 20;

    /// <summary>The most verdicts held.</summary>
    public const int MaxVerdicts = 1 << 18;

    private readonly ConcurrentDictionary<string, int> _shapes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<JsonSchema, int> _schemas = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<long, bool> _verdicts = new();
    private readonly int _maxShapes;
    private readonly long _maxKeyChars;
    private readonly int _maxVerdicts;
    private long _keyChars;
    private int _next;
    private int _schemaCount;
    private int _verdictCount;
    private int _hits;

    /// <summary>Creates an empty memo with the default bounds.</summary>
    public ComposeSchemaMemo()
        : this(MaxShapes, MaxKeyChars, MaxVerdicts)
    {
    }

    /// <summary>Creates an empty memo with the given bounds (small ones for tests).</summary>
    public ComposeSchemaMemo(int maxShapes, long maxKeyChars, int maxVerdicts)
    {
        _maxShapes = maxShapes;
        _maxKeyChars = maxKeyChars;
        _maxVerdicts = maxVerdicts;
    }

    /// <summary>The memo of this process.</summary>
    public static ComposeSchemaMemo Shared { get; private set; } = new();

    /// <summary>
    /// Replaces the process's memo with an empty one, so the next validations see every value for the
    /// first time; the benchmark calls it to measure a first run over files, never the tool.
    /// </summary>
    public static void ResetShared() => Shared = new();

    /// <summary>How many validations were answered from the memo (for tests and profiling).</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>How many shapes the memo holds.</summary>
    public int ShapeCount => Volatile.Read(ref _next);

    /// <summary>The number of the shape written as <paramref name="key"/>; <see cref="NoShape"/> when the memo is full.</summary>
    public int Intern(ReadOnlySpan<char> key)
    {
        var lookup = _shapes.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(key, out var shape))
        {
            return shape;
        }

        if (Volatile.Read(ref _next) >= _maxShapes || Interlocked.Add(ref _keyChars, key.Length) > _maxKeyChars)
        {
            return NoShape;
        }

        // Numbers are handed out under the lock of the add, so two threads adding the same key agree.
        lock (_shapes)
        {
            if (!lookup.TryGetValue(key, out shape))
            {
                shape = _next++;
                _shapes[key.ToString()] = shape;
            }

            return shape;
        }
    }

    /// <summary>The remembered verdict on a value of this shape against this schema; null when there is none.</summary>
    public bool? Verdict(JsonSchema schema, int shape)
    {
        if (shape != NoShape && _verdicts.TryGetValue(Key(schema, shape), out var valid))
        {
            Interlocked.Increment(ref _hits);
            return valid;
        }

        return null;
    }

    /// <summary>
    /// True when the memo holds "valid" for a value of this shape against this schema (counted as a hit,
    /// as <see cref="Verdict"/> counts it); false when it holds "invalid" or nothing, which it leaves uncounted.
    /// </summary>
    public bool IsKnownValid(JsonSchema schema, int shape)
    {
        if (shape != NoShape && _verdicts.TryGetValue(Key(schema, shape), out var valid) && valid)
        {
            Interlocked.Increment(ref _hits);
            return true;
        }

        return false;
    }

    /// <summary>Remembers NJsonSchema's verdict on a value of this shape against this schema.</summary>
    public void Record(JsonSchema schema, int shape, bool valid)
    {
        // (ConcurrentDictionary.Count takes every lock of the table: the count is kept here instead.)
        if (shape != NoShape && Volatile.Read(ref _verdictCount) < _maxVerdicts && _verdicts.TryAdd(Key(schema, shape), valid))
        {
            Interlocked.Increment(ref _verdictCount);
        }
    }

    /// <summary>A (subschema, shape) pair as one number; subschemas are told apart by reference.</summary>
    private long Key(JsonSchema schema, int shape)
    {
        if (!_schemas.TryGetValue(schema, out var id))
        {
            lock (_schemas)
            {
                if (!_schemas.TryGetValue(schema, out id))
                {
                    id = _schemaCount++;
                    _schemas[schema] = id;
                }
            }
        }

        return ((long)id << 32) | (uint)shape;
    }
}
