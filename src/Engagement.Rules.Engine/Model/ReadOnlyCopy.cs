using System.Collections.Generic;

namespace Engagement.Rules.Engine.Model;

internal static class ReadOnlyCopy
{
    /// <summary>Copies a list so the model stays immutable whatever the caller does with its own list.</summary>
    public static IReadOnlyList<T> AsReadOnlyCopy<T>(this IReadOnlyList<T> source)
    {
        if (source.Count == 0)
        {
            return System.Array.Empty<T>();
        }

        var copy = new T[source.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = source[i];
        }

        return System.Array.AsReadOnly(copy);
    }
}
