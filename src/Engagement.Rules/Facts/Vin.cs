using System;
using System.Diagnostics.CodeAnalysis;

namespace Engagement.Rules.Facts;

/// <summary>
/// A vehicle identification number: 17 characters, A-Z and 0-9, never I, O or Q (ISO 3779).
/// </summary>
/// <remarks>
/// <para>
/// Position 9 is a check digit computed with the 49 CFR 565 transliteration and weights. It is enforced
/// for North-American VINs (first character 1-5): a mismatch rejects the VIN. ISO 3779 does not require
/// it elsewhere, so for other VINs a mismatch is only a warning, exposed by <see cref="CheckDigitWarning"/>.
/// </para>
/// <para>Lower-case letters are accepted and upper-cased; no other normalisation is done (spaces are errors).</para>
/// </remarks>
public readonly record struct Vin
{
    private const string FactType = nameof(Vin);
    private const int Length = 17;
    private const int CheckDigitIndex = 8;
    private static readonly int[] Weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

    private Vin(string value)
    {
        Value = value;
    }

    /// <summary>The 17 characters, upper case; <see langword="null"/> only for <c>default(Vin)</c>, which no fact accepts.</summary>
    public string Value { get; }

    /// <summary>Whether the VIN was assigned for North America (first character 1-5), where the check digit is mandatory.</summary>
    public bool IsNorthAmerican => Value is { Length: Length } && Value[0] is >= '1' and <= '5';

    /// <summary>The world manufacturer identifier: the first three characters.</summary>
    public string WorldManufacturerIdentifier => Value is null ? string.Empty : Value[..3];

    /// <summary>
    /// For a VIN from outside North America whose check digit does not match, the warning; otherwise
    /// <see langword="null"/>.
    /// </summary>
    public VinProblem? CheckDigitWarning => Value is { Length: Length } && !IsNorthAmerican ? CheckDigitProblem(Value, isError: false) : null;

    /// <summary>Whether this is <c>default(Vin)</c>, which holds no VIN.</summary>
    public bool IsEmpty => Value is null;

    /// <summary>Parses a VIN.</summary>
    /// <param name="text">The VIN.</param>
    /// <returns>The VIN.</returns>
    /// <exception cref="FactValidationException">
    /// The text is not a valid VIN; the message names the bad character and its position, or the expected and
    /// actual check digit.
    /// </exception>
    public static Vin Parse(string? text)
    {
        if (TryParse(text, out var vin, out var problem))
        {
            return vin;
        }

        throw new FactValidationException(FactType, nameof(Value), text, problem.Message);
    }

    /// <summary>Parses a VIN without throwing.</summary>
    /// <param name="text">The VIN.</param>
    /// <param name="vin">The VIN when valid.</param>
    /// <param name="problem">The error when not valid; <see langword="null"/> on success (see <see cref="CheckDigitWarning"/> for warnings).</param>
    /// <returns>Whether the text is a valid VIN.</returns>
    public static bool TryParse(string? text, out Vin vin, [NotNullWhen(false)] out VinProblem? problem)
    {
        vin = default;
        problem = Validate(text);
        if (problem is { IsError: true })
        {
            return false;
        }

        problem = null;
        vin = new Vin(text!.ToUpperInvariant());
        return true;
    }

    /// <summary>
    /// Validates a VIN: the error that rejects it, the check-digit warning for a non-North-American VIN, or
    /// <see langword="null"/> when it is fine.
    /// </summary>
    /// <param name="text">The VIN.</param>
    /// <returns>The problem, if any; see <see cref="VinProblem.IsError"/>.</returns>
    public static VinProblem? Validate(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new VinProblem(VinProblemKind.Missing, "The VIN is missing; expected 17 characters A-Z and 0-9 (no I, O or Q).");
        }

        if (text.Length != Length)
        {
            // A long text is quoted in part: the message must not carry a megabyte of input into a log.
            var shown = text.Length <= 40 ? text : text[..40] + "...";
            return new VinProblem(VinProblemKind.WrongLength, $"The VIN '{shown}' has {text.Length} characters; expected exactly {Length}.");
        }

        var upper = text.ToUpperInvariant();
        for (var i = 0; i < upper.Length; i++)
        {
            var c = upper[i];
            if (c is 'I' or 'O' or 'Q')
            {
                return BadCharacter(text, i, $"'{text[i]}' at position {i + 1}, which VINs never use (I, O and Q look like 1 and 0)");
            }

            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9')))
            {
                return BadCharacter(text, i, $"'{text[i]}' at position {i + 1}, which is not a letter A-Z or a digit");
            }
        }

        return CheckDigitProblem(upper, isError: upper[0] is >= '1' and <= '5');
    }

    /// <summary>Computes the 49 CFR 565 check digit of a VIN's characters (position 9 is ignored).</summary>
    /// <param name="vin">17 characters A-Z and 0-9, without I, O or Q.</param>
    /// <returns>'0'-'9' or 'X'.</returns>
    internal static char ComputeCheckDigit(string vin)
    {
        var sum = 0;
        for (var i = 0; i < Length; i++)
        {
            sum += Transliterate(vin[i]) * Weights[i];
        }

        var remainder = sum % 11;
        return remainder == 10 ? 'X' : (char)('0' + remainder);
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    private static VinProblem BadCharacter(string text, int index, string what) =>
        new(VinProblemKind.InvalidCharacter, $"The VIN '{text}' has {what}; expected A-Z (except I, O, Q) or 0-9.")
        {
            Position = index + 1,
            Character = text[index],
        };

    private static VinProblem? CheckDigitProblem(string vin, bool isError)
    {
        var expected = ComputeCheckDigit(vin);
        var actual = vin[CheckDigitIndex];
        if (expected == actual)
        {
            return null;
        }

        var scope = isError
            ? "North-American VINs (first character 1-5) must carry it (49 CFR 565)"
            : "accepted with a warning: ISO 3779 does not require it outside North America";
        return new VinProblem(VinProblemKind.CheckDigitMismatch, $"The VIN '{vin}' has check digit '{actual}' at position 9; expected '{expected}', computed from the other characters; {scope}.")
        {
            Position = CheckDigitIndex + 1,
            Character = actual,
            ExpectedCheckDigit = expected,
            IsError = isError,
        };
    }

    // 49 CFR 565.15: digits are their value; letters map to 1-9 in runs (A-H, J-R skipping O and Q, S-Z).
    private static int Transliterate(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'H' => c - 'A' + 1,
        >= 'J' and <= 'N' => c - 'J' + 1,
        'P' => 7,
        'R' => 9,
        >= 'S' and <= 'Z' => c - 'S' + 2,
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, "Not a VIN character."),
    };
}
