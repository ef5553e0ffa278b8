using System.Runtime.CompilerServices;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Yaml.Explaining;

/// <summary>
/// Where the loader read an element or condition of a rule, and its text as written there: kept beside the rule
/// model (which has no positions) for <see cref="RuleExplainer"/>, keyed by the model object itself.
/// </summary>
/// <remarks>
/// A <see cref="ConditionalWeakTable{TKey,TValue}"/> is thread-safe and holds its entries only as long as the model
/// objects live, so rules dropped by a hot reload take their positions with them.
/// </remarks>
internal static class WrittenSource
{
    private static readonly ConditionalWeakTable<object, Entry> Entries = new();

    /// <summary>Records where <paramref name="modelObject"/> was written (the first record wins).</summary>
    /// <remarks>
    /// Keyed by the object alone, which is safe because the translator never gives one model object to two rules: each
    /// rule is built by its own <c>RuleTranslator</c>, a named condition is compiled from its text anew at every use (an
    /// include only makes it visible), and YAML aliases are refused (ER0011). WrittenSourceTest pins it over the default
    /// pack; a translator that starts sharing objects must key these by (rule, object) instead.
    /// </remarks>
    public static void Record(object modelObject, SourceLocation location, string text) =>
        Entries.TryAdd(modelObject, new Entry(location, text));

    /// <summary>Where <paramref name="modelObject"/> was written, or null for one the loader did not build.</summary>
    public static Entry? Of(object modelObject) => Entries.TryGetValue(modelObject, out var entry) ? entry : null;

    /// <summary>A position and the text written there.</summary>
    internal sealed record Entry(SourceLocation Location, string Text);
}
