using System;

namespace Engagement.Rules.Facts;

/// <summary>
/// A fact was given a value it cannot hold: names the fact type, the field and the offending value, and the
/// message says what is wrong and what is expected.
/// </summary>
public sealed class FactValidationException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="factType">The fact (or value) type, e.g. <c>Vehicle</c>.</param>
    /// <param name="field">The field, e.g. <c>ModelYear</c>.</param>
    /// <param name="value">The offending value as text; <see langword="null"/> when the value was null.</param>
    /// <param name="message">What is wrong and what is expected.</param>
    public FactValidationException(string factType, string field, string? value, string message)
        : base(message)
    {
        FactType = factType;
        Field = field;
        Value = value;
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    /// <param name="factType">The fact (or value) type, e.g. <c>Vehicle</c>.</param>
    /// <param name="field">The field, e.g. <c>ModelYear</c>.</param>
    /// <param name="value">The offending value as text; <see langword="null"/> when the value was null.</param>
    /// <param name="message">What is wrong and what is expected.</param>
    /// <param name="innerException">The cause.</param>
    public FactValidationException(string factType, string field, string? value, string message, Exception innerException)
        : base(message, innerException)
    {
        FactType = factType;
        Field = field;
        Value = value;
    }

    /// <summary>Creates the exception without context (prefer the constructor naming fact, field and value).</summary>
    public FactValidationException()
        : this("unknown", "unknown", null, "A fact value is invalid.")
    {
    }

    /// <summary>Creates the exception without context (prefer the constructor naming fact, field and value).</summary>
    /// <param name="message">What is wrong and what is expected.</param>
    public FactValidationException(string message)
        : this("unknown", "unknown", null, message)
    {
    }

    /// <summary>Creates the exception without context (prefer the constructor naming fact, field and value).</summary>
    /// <param name="message">What is wrong and what is expected.</param>
    /// <param name="innerException">The cause.</param>
    public FactValidationException(string message, Exception innerException)
        : this("unknown", "unknown", null, message, innerException)
    {
    }

    /// <summary>The fact (or value) type the value was given to, e.g. <c>Vehicle</c>.</summary>
    public string FactType { get; }

    /// <summary>The field the value was given to, e.g. <c>ModelYear</c>.</summary>
    public string Field { get; }

    /// <summary>The offending value as text; <see langword="null"/> when the value was null.</summary>
    public string? Value { get; }
}
