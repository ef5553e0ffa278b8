using System;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// How an error message shows a fact: its text, cut at <see cref="MaxLength"/> characters, and its type. A host's
/// <c>ToString</c> is foreign code: one that throws (or recurses until a record's stack check stops it) must not
/// replace the error being reported, and one that prints a whole object graph must not make a megabyte message.
/// </summary>
internal static class FactText
{
    public const int MaxLength = 200;

    public static string Describe(object fact)
    {
        var type = fact.GetType().Name;
        string? text;
        try
        {
            text = fact.ToString();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return $"of type {type} (its ToString threw {ex.GetType().Name})";
        }

        if (text is null)
        {
            return $"of type {type}";
        }

        return text.Length <= MaxLength ? $"'{text}' ({type})" : $"'{text.AsSpan(0, MaxLength)}...' ({type})";
    }
}
