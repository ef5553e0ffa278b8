using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace Engagement.Rules.Policies;

/// <summary>
/// Copies collections handed to the options, so that a host changing its list after building the options cannot
/// change an evaluator that other threads are using. Null stays null, for validation to report.
/// </summary>
internal static class Snapshot
{
    public static IReadOnlyList<T> List<T>(IReadOnlyList<T>? value) => value is null ? null! : new ReadOnlyCollection<T>(value.ToArray());

    public static IReadOnlyDictionary<string, T> Map<T>(IReadOnlyDictionary<string, T>? value)
        => value is null ? null! : new ReadOnlyDictionary<string, T>(value.ToDictionary(p => p.Key, p => p.Value, System.StringComparer.Ordinal));
}
