using System;
using System.Text;

namespace Engagement.Rules.SampleData;

/// <summary>Makes unique VINs with the check digit of 49 CFR 565 (weights and transliteration as the regulation publishes them).</summary>
public sealed class VinFactory(Random random)
{
    private const string Allowed = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    private const string YearCodes = "ABCDEFGHJKLMNPRSTVWXY123456789"; // 2010 = A ... 2030 = Y, then 2031 = 1 ...
    private static readonly int[] Weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    private int _serial = 100000;

    /// <summary>A VIN for the manufacturer <paramref name="wmi"/> and <paramref name="modelYear"/>, with a correct check digit.</summary>
    public string Next(string wmi, int modelYear)
    {
        var vin = new StringBuilder(wmi);
        for (var i = 0; i < 5; i++)
        {
            vin.Append(Allowed[random.Next(Allowed.Length)]);
        }

        vin.Append('0');
        vin.Append(YearCodes[(modelYear - 2010) % YearCodes.Length]);
        vin.Append(Allowed[random.Next(Allowed.Length - 10)]);
        vin.Append((_serial++).ToString("D6", System.Globalization.CultureInfo.InvariantCulture));
        vin[8] = CheckDigit(vin.ToString());
        return vin.ToString();
    }

    /// <summary>The check digit of a 17-character VIN (position 9 is ignored: its weight is 0).</summary>
    public static char CheckDigit(string vin)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Value(vin[i]) * Weights[i];
        }

        return sum % 11 == 10 ? 'X' : (char)('0' + (sum % 11));
    }

    private static int Value(char c) => c switch
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
