using System;
using System.Globalization;
using System.Text;

namespace Engagement.Rules.Serialization;

/// <summary>
/// A facts document or JSON Lines line could not be read: malformed JSON, a value of the wrong type, an unknown
/// property or fact type, a missing required field, or a value the fact records reject
/// (<see cref="Facts.FactValidationException"/>, kept as the <see cref="Exception.InnerException"/>).
/// </summary>
/// <remarks>The message starts with the location, e.g. <c>line 3, $.facts[3].vin: The VIN ...</c>.</remarks>
public sealed class FactsFormatException : Exception
{
    /// <summary>Creates an exception without a location.</summary>
    public FactsFormatException()
        : this("The facts could not be read.")
    {
    }

    /// <summary>Creates an exception without a location.</summary>
    /// <param name="message">What is wrong.</param>
    public FactsFormatException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception without a location.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The underlying error.</param>
    public FactsFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    internal FactsFormatException(string reason, long? lineNumber, string? path, long? bytePositionInLine, Exception? innerException)
        : base(Describe(reason, lineNumber, path, bytePositionInLine), innerException)
    {
        Reason = reason;
        LineNumber = lineNumber;
        Path = path;
        BytePositionInLine = bytePositionInLine;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>The 1-based line: the JSON Lines line, or the line in a JSON document; null when unknown.</summary>
    public long? LineNumber { get; }

    /// <summary>The JSON path of the offending value, e.g. <c>$.facts[3].vin</c>; null when unknown.</summary>
    public string? Path { get; }

    /// <summary>The 0-based byte offset within the line, as System.Text.Json reports it; null when it gives none.</summary>
    public long? BytePositionInLine { get; }

    private static string Describe(string reason, long? lineNumber, string? path, long? bytePositionInLine)
    {
        var text = new StringBuilder();
        if (lineNumber is { } line)
        {
            text.Append(CultureInfo.InvariantCulture, $"line {line}");
        }

        if (path is not null)
        {
            text.Append(text.Length > 0 ? ", " : string.Empty).Append(path);
        }

        if (bytePositionInLine is { } position)
        {
            text.Append(CultureInfo.InvariantCulture, $" (byte {position})");
        }

        return text.Length == 0 ? reason : $"{text}: {reason}";
    }
}
