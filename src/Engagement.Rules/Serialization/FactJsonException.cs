using System;
using System.Text.Json;

namespace Engagement.Rules.Serialization;

/// <summary>
/// An error found below the path System.Text.Json knows about. It is thrown with a null <see cref="JsonException.Path"/>
/// so the serializer fills in the path of the property being read; <see cref="Locate"/> then refines it.
/// </summary>
internal sealed class FactJsonException : JsonException
{
    private FactJsonException(string message, Exception? inner, string relative, string? replaceProperty, string? field)
        : base(message, inner)
    {
        Relative = relative;
        ReplaceProperty = replaceProperty;
        Field = field;
    }

    /// <summary>Text appended to the serializer's path (".year", "[2].opens").</summary>
    public string Relative { get; }

    /// <summary>The JSON name of the property whose setter failed; the path ends with it.</summary>
    public string? ReplaceProperty { get; }

    /// <summary>The JSON name of the field the validation blamed.</summary>
    public string? Field { get; }

    /// <summary>An error inside a value read as a whole (a value record or a list item): appended to its path.</summary>
    public static FactJsonException Below(string message, Exception? inner, string relative) => new(message, inner, relative, null, null);

    /// <summary>A setter rejected its value; the validation may blame another field (a rule between two fields).</summary>
    public static FactJsonException AtProperty(string message, Exception inner, string property, string field) => new(message, inner, string.Empty, property, field);

    /// <summary>Adds <paramref name="relative"/> in front of this error's own relative path.</summary>
    public FactJsonException Prefixed(string relative) => new(Message, InnerException, relative + Relative, ReplaceProperty, Field);

    /// <summary>The precise path given the path the serializer reported.</summary>
    public string Locate(string? path)
    {
        path ??= "$";
        if (ReplaceProperty is not null && Field is not null && Field != ReplaceProperty && path.EndsWith("." + ReplaceProperty, StringComparison.Ordinal))
        {
            var parent = path[..^(ReplaceProperty.Length + 1)];
            path = Field.StartsWith(ReplaceProperty + "[", StringComparison.Ordinal) ? path + Field[ReplaceProperty.Length..] : parent + "." + Field;
        }

        return path + Relative;
    }
}
