namespace Engagement.Rules.Facts;

/// <summary>
/// A problem found in a VIN: an error (the VIN is rejected) or, for a check-digit mismatch on a VIN from
/// outside North America, a warning (the VIN is accepted).
/// </summary>
public sealed record VinProblem
{
    internal VinProblem(VinProblemKind kind, string message)
    {
        Kind = kind;
        Message = message;
    }

    /// <summary>What is wrong.</summary>
    public VinProblemKind Kind { get; }

    /// <summary>A sentence saying what is wrong and what is expected.</summary>
    public string Message { get; }

    /// <summary>The 1-based position of the bad character (or of the check digit), when the problem has one.</summary>
    public int? Position { get; init; }

    /// <summary>The bad character (or the check digit found), when the problem has one.</summary>
    public char? Character { get; init; }

    /// <summary>The check digit computed from the other sixteen characters, for a check-digit mismatch.</summary>
    public char? ExpectedCheckDigit { get; init; }

    /// <summary>Whether the problem rejects the VIN; <see langword="false"/> for a warning.</summary>
    public bool IsError { get; init; } = true;

    /// <inheritdoc />
    public override string ToString() => Message;
}
