namespace Engagement.Rules.Decisions;

/// <summary>A fact named in an explanation, by its type and identity.</summary>
/// <param name="Type">The fact's type name, e.g. <c>Vehicle</c>.</param>
/// <param name="Identity">The fact's identity as text, e.g. its id or VIN.</param>
public sealed record FactReference(string Type, string Identity)
{
    /// <inheritdoc />
    public override string ToString() => $"{Type} {Identity}";
}
