namespace Engagement.Rules.Yaml.Diagnostics;

/// <summary>A position in a rule file: 1-based line and column.</summary>
/// <param name="File">The file path as given to the loader (or a logical name for in-memory text).</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>The location shifted by an offset inside a single-line scalar that starts here (the loader's helper, not API).</summary>
    /// <param name="columnOffset">The 0-based offset within the scalar.</param>
    /// <returns>The shifted location.</returns>
    internal SourceLocation Shift(int columnOffset) => this with { Column = Column + columnOffset };

    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
