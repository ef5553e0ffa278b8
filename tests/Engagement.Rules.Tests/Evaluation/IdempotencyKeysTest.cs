using System;
using System.Security.Cryptography;
using System.Text;
using Engagement.Rules.Decisions;
using NodaTime;
using NodaTime.Text;

namespace Engagement.Rules.Tests.Evaluation;

public sealed class IdempotencyKeysTest
{
    private static readonly string[] Samples =
    [
        string.Empty, "C-0001", "1HG4MMG13RM100001", "service.oil-change-due", "Zoë", "日本語のトピック", "emoji 🚗 car",
        "a|b", "3:abc|", new string('x', 300), new string('é', 400),
    ];

    [Test]
    public void For_RandomProposals_IsTheDocumentedSha256OfTheLengthPrefixedFields()
    {
        var random = new Random(20261124);
        for (var i = 0; i < 500; i++)
        {
            var proposal = new TouchProposal
            {
                RuleId = Pick(random),
                Kind = TouchKind.Reminder,
                Class = TouchClass.Service,
                Topic = Pick(random),
                CustomerId = Pick(random),
                Vin = random.Next(4) == 0 ? null : Pick(random),
                DueOn = RandomDate(random),
            };

            IdempotencyKeys.For(proposal).Should().Be(Reference(proposal), "the key format is documented in docs/decisions.md");
        }
    }

    // Keys as the evaluator produced them for the sample customer C-0002 on 2026-11-24: a stored key must keep
    // matching the same occurrence whatever computes the hash.
    [TestCase("1HG4MMG13RM100001", "service.maintenance-due", "service-due-by-time", "e377373ac09c60fcb09a7692bfd5924b")]
    [TestCase(null, "community.model-launch", "model-launch-invite", "0d46ef41fd4c89336a5b937ea314a27b")]
    public void For_KnownOccurrences_KeepTheirKeys(string? vin, string topic, string ruleId, string expected)
    {
        var proposal = new TouchProposal
        {
            RuleId = ruleId,
            Kind = TouchKind.Reminder,
            Class = TouchClass.Service,
            Topic = topic,
            CustomerId = "C-0002",
            Vin = vin,
            DueOn = new LocalDate(2026, 11, 24),
        };

        IdempotencyKeys.For(proposal).Should().Be(expected);
    }

    [Test]
    public void For_FieldsThatConcatenateAlike_GiveDifferentKeys()
    {
        var first = Proposal("ab", "c");
        var second = Proposal("a", "bc");

        IdempotencyKeys.For(first).Should().NotBe(IdempotencyKeys.For(second));
    }

    private static TouchProposal Proposal(string ruleId, string topic) => new()
    {
        RuleId = ruleId,
        Kind = TouchKind.Reminder,
        Class = TouchClass.Service,
        Topic = topic,
        CustomerId = "C1",
        DueOn = new LocalDate(2026, 11, 24),
    };

    private static string Pick(Random random) => Samples[random.Next(Samples.Length)];

    // Mostly ordinary dates; some in years below 1000 (zero-padded) and before year 0 (signed).
    private static LocalDate RandomDate(Random random) => random.Next(10) switch
    {
        0 => new LocalDate(random.Next(0, 1000), 1, 1).PlusDays(random.Next(365)),
        1 => new LocalDate(random.Next(-9_998, 0), 1, 1).PlusDays(random.Next(365)),
        _ => new LocalDate(2000, 1, 1).PlusDays(random.Next(0, 40 * 365)),
    };

    // The format as docs/decisions.md states it, built the plain way.
    private static string Reference(TouchProposal proposal)
    {
        var text = new StringBuilder();
        foreach (var value in new[] { "touch/v1", proposal.CustomerId, proposal.Vin ?? string.Empty, proposal.Topic, proposal.RuleId, LocalDatePattern.Iso.Format(proposal.DueOn) })
        {
            text.Append(value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 16));
    }
}
