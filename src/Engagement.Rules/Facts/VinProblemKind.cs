namespace Engagement.Rules.Facts;

/// <summary>What is wrong with a VIN.</summary>
public enum VinProblemKind
{
    /// <summary>The VIN is missing or empty.</summary>
    Missing = 0,

    /// <summary>The VIN is not 17 characters long.</summary>
    WrongLength = 1,

    /// <summary>A character is not A-Z or 0-9, or is I, O or Q (which VINs never use).</summary>
    InvalidCharacter = 2,

    /// <summary>The position-9 check digit does not match the one computed from the other characters.</summary>
    CheckDigitMismatch = 3,
}
