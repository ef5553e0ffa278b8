using System;
using System.Linq;
using Engagement.Rules.Facts;

namespace Engagement.Rules.Tests.Facts;

public sealed partial class VinTest
{
    private const string VinAlphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

    // 49 CFR 565 transliteration values, independent of the implementation's switch: used to tell which
    // substitutions the check digit must catch.
    private const string Letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static readonly int[] LetterValues = [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9];

    private static int ValueOf(char c) => char.IsDigit(c) ? c - '0' : LetterValues[Letters.IndexOf(c, StringComparison.Ordinal)];

    private static string RandomNorthAmericanVin(Random random)
    {
        var chars = Enumerable.Range(0, 17).Select(_ => VinAlphabet[random.Next(VinAlphabet.Length)]).ToArray();
        chars[0] = (char)('1' + random.Next(5));
        chars[8] = Vin.ComputeCheckDigit(new string(chars));
        return new string(chars);
    }

    [Test]
    public void Parse_AnyNorthAmericanVinWithItsCheckDigit_Accepted()
    {
        var random = new Random(20261124);
        for (var i = 0; i < 500; i++)
        {
            var text = RandomNorthAmericanVin(random);

            Vin.Parse(text).Value.Should().Be(text);
        }
    }

    [Test]
    public void Parse_NorthAmericanVinWithAnyOtherCheckDigit_Rejected()
    {
        var random = new Random(7);
        for (var i = 0; i < 100; i++)
        {
            var text = RandomNorthAmericanVin(random);
            foreach (var wrong in "0123456789X".Where(c => c != text[8]))
            {
                var mutated = string.Concat(text.AsSpan(0, 8), wrong.ToString(), text.AsSpan(9));

                Vin.TryParse(mutated, out _, out var problem).Should().BeFalse(mutated);
                problem!.ExpectedCheckDigit.Should().Be(text[8]);
                problem.Character.Should().Be(wrong);
            }
        }
    }

    [Test]
    public void Parse_SingleSubstitutionChangingTheWeightedSum_Rejected()
    {
        // Every weight but position 9's is 1-10 and 11 is prime, so changing one character to another with a
        // different transliteration value always changes the check digit.
        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var text = RandomNorthAmericanVin(random);
            var position = random.Next(1, 17);
            if (position == 8)
            {
                continue;
            }

            var replacement = VinAlphabet[random.Next(VinAlphabet.Length)];
            if (ValueOf(replacement) == ValueOf(text[position]))
            {
                continue;
            }

            var chars = text.ToCharArray();
            chars[position] = replacement;

            Vin.TryParse(new string(chars), out _, out var problem).Should().BeFalse(new string(chars));
            problem!.Kind.Should().Be(VinProblemKind.CheckDigitMismatch);
        }
    }
}
