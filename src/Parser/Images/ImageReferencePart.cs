namespace DockerLint.Parser.Images;

/// <summary>
/// One component of an <see cref="ImageReference"/> (registry, repository path, tag or digest) and
/// where it sits in the parsed string.
/// </summary>
/// <param name="Start">Offset of the first character, relative to <see cref="ImageReference.Text"/>.</param>
/// <param name="Length">Number of characters; never includes the <c>/</c>, <c>:</c> or <c>@</c> separators.</param>
/// <param name="Text">The component exactly as written.</param>
public readonly record struct ImageReferencePart(int Start, int Length, string Text)
{
    /// <summary>Offset just past the last character of the component.</summary>
    public int End => Start + Length;
}
