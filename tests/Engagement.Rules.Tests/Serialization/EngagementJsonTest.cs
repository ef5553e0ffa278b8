using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Engagement.Rules.Decisions;
using Engagement.Rules.Serialization;
using NodaTime;

namespace Engagement.Rules.Tests.Serialization;

public sealed partial class EngagementJsonTest
{
    private static readonly Instant Due = Instant.FromUtc(2026, 11, 25, 15, 30);

    [Test]
    public void WriteResult_Decision_WritesIsoInstantsAndTheLocalTimeInItsZone()
    {
        using var document = Write(Result());
        var decision = document.RootElement.GetProperty("decisions")[0];

        document.RootElement.GetProperty("evaluatedAt").GetString().Should().Be("2026-11-24T14:00:00Z");
        decision.GetProperty("dueAt").GetString().Should().Be("2026-11-25T15:30:00Z");
        decision.GetProperty("dueLocal").GetString().Should().Be("2026-11-25T09:30:00-06 America/Chicago");
        decision.GetProperty("kind").GetString().Should().Be("reminder");
        decision.GetProperty("class").GetString().Should().Be("Service");
        decision.GetProperty("channel").GetString().Should().Be("Sms");
        decision.GetProperty("personalisation").GetProperty("FirstName").GetString().Should().Be("Dana");
        decision.GetProperty("explanation").GetProperty("matchedFacts")[0].GetProperty("type").GetString().Should().Be("Vehicle");
        decision.TryGetProperty("expiresAt", out _).Should().BeFalse("nulls are not written");
    }

    [Test]
    public void WriteResult_RuleSetFingerprint_IsWrittenWhenKnown()
    {
        using var withFingerprint = Write(Result() with { RuleSetFingerprint = "0123456789abcdef0123456789abcdef" });
        using var without = Write(Result());

        withFingerprint.RootElement.GetProperty("ruleSetFingerprint").GetString().Should().Be("0123456789abcdef0123456789abcdef");
        without.RootElement.TryGetProperty("ruleSetFingerprint", out _).Should().BeFalse("rules compiled without one have none, and nulls are not written");
    }

    [Test]
    public void WriteResults_RuleSetFingerprint_IsOnEveryLine()
    {
        using var writer = new StringWriter();

        EngagementJson.WriteResults(writer, [Result("C-1") with { RuleSetFingerprint = "a1" }, Result("C-2") with { RuleSetFingerprint = "b2" }]);

        writer.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("ruleSetFingerprint").GetString())
            .Should().Equal("a1", "b2");
    }

    [Test]
    public void WriteResult_Suppressed_WritesTheProposalAndTheReasonWithoutTheFactObjects()
    {
        using var document = Write(Result());
        var suppressed = document.RootElement.GetProperty("suppressed")[0];

        suppressed.GetProperty("reason").GetString().Should().Be("FrequencyCap");
        suppressed.GetProperty("proposal").GetProperty("dueOn").GetString().Should().Be("2026-11-25");
        suppressed.GetProperty("proposal").TryGetProperty("matchedFacts", out _).Should().BeFalse();
        document.RootElement.GetProperty("diagnostics")[0].GetProperty("code").GetString().Should().Be("UnknownCustomerTimeZone");
    }

    [Test]
    public void WriteResults_JsonLines_WritesOneResultPerLine()
    {
        using var writer = new StringWriter();

        EngagementJson.WriteResults(writer, [Result("C-1"), Result("C-2")]);

        var lines = writer.ToString().Split('\n');
        lines.Should().HaveCount(3).And.HaveElementAt(2, string.Empty);
        lines.Take(2).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("customerId").GetString()).Should().Equal("C-1", "C-2");
    }

    [Test]
    public void ReadDealerships_Settings_RoundTrip()
    {
        using var stream = new MemoryStream();
        EngagementJson.WriteDealerships(stream, [JsonFixtures.Dealership(), JsonFixtures.Dealership() with { DealershipId = "D-2" }]);
        stream.Position = 0;

        var read = EngagementJson.ReadDealerships(stream);

        read.Select(d => d.DealershipId).Should().Equal("D-1", "D-2");
        read[0].Should().BeEquivalentTo(JsonFixtures.Dealership(), o => o.ComparingRecordsByMembers());
    }

    [Test]
    public void ReadDealerships_DuplicateId_ReportsTheSecond()
    {
        var json = "{\"dealerships\":[{\"dealershipId\":\"D-1\",\"name\":\"A\",\"timeZoneId\":\"America/Chicago\",\"jurisdiction\":{\"countryCode\":\"US\"}},"
            + "{\"dealershipId\":\"D-1\",\"name\":\"B\",\"timeZoneId\":\"America/Chicago\",\"jurisdiction\":{\"countryCode\":\"US\"}}]}";

        var act = () => EngagementJson.ReadDealerships(json);

        act.Should().Throw<FactsFormatException>().Which.Path.Should().Be("$.dealerships[1].dealershipId");
    }

    [Test]
    public void CreateOptions_EachCall_GivesAModifiableCopy()
    {
        var options = EngagementJson.CreateOptions();

        options.IsReadOnly.Should().BeFalse();
        options.Should().NotBeSameAs(EngagementJson.CreateOptions());
        JsonSerializer.Serialize(JsonFixtures.Vin, options).Should().Be("\"1HGCM82633A004352\"");
    }

    private static JsonDocument Write(EngagementResult result)
    {
        using var stream = new MemoryStream();
        EngagementJson.WriteResult(stream, result);
        return JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static EngagementResult Result(string customerId = "C-1")
    {
        var explanation = new DecisionExplanation
        {
            RuleId = "service.oil-change",
            Reason = "Oil change due",
            MatchedFacts = [new FactReference("Vehicle", JsonFixtures.VinText)],
            Evidence = new Dictionary<string, string> { ["odometer"] = "18000" },
            Steps = [new PolicyStep("consent", "express SMS consent")],
        };
        var proposal = new TouchProposal
        {
            RuleId = "service.oil-change",
            Kind = TouchKind.Offer,
            Class = TouchClass.Marketing,
            Topic = "offer.tires",
            CustomerId = customerId,
            DueOn = new LocalDate(2026, 11, 25),
            MatchedFacts = [JsonFixtures.Customer()],
        };
        return new EngagementResult
        {
            CustomerId = customerId,
            EvaluatedAt = Instant.FromUtc(2026, 11, 24, 14, 0),
            Decisions =
            [
                new TouchDecision
                {
                    Kind = TouchKind.Reminder,
                    Class = TouchClass.Service,
                    Topic = "service.oil-change-due",
                    CustomerId = customerId,
                    Vin = JsonFixtures.VinText,
                    Channel = ContactChannel.Sms,
                    DueAt = Due,
                    DueLocal = Due.InZone(DateTimeZoneProviders.Tzdb["America/Chicago"]),
                    Personalisation = new Dictionary<string, string> { ["FirstName"] = "Dana" },
                    RuleId = "service.oil-change",
                    IdempotencyKey = "k-1",
                    Explanation = explanation,
                },
            ],
            Suppressed = [new SuppressedTouch(proposal, SuppressionReason.FrequencyCap, "k-2", explanation)],
            HeldOut = [],
            Diagnostics = [new EngagementDiagnostic(EngagementDiagnosticCode.UnknownCustomerTimeZone, "zone unknown")],
        };
    }
}
