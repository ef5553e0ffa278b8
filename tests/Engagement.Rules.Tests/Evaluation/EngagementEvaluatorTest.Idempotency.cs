using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Decisions;
using NodaTime;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

public sealed partial class EngagementEvaluatorTest
{
    [Test]
    public void Evaluate_SameOccurrenceInTwoRuns_HasTheSameKey()
    {
        var proposal = Proposal("oil", TouchClass.Service, "service.oil", vin: Vin1);

        var first = Single(Evaluate(proposal));
        var second = Single(Evaluator(null, proposal).Evaluate(FactsOf(null, null, Vehicle()), Now + Duration.FromHours(3)));

        second.IdempotencyKey.Should().Be(first.IdempotencyKey);
        first.IdempotencyKey.Should().MatchRegex("^[0-9a-f]{32}$");
    }

    [Test]
    public void Evaluate_DifferentOccurrences_HaveDifferentKeys()
    {
        var baseline = Proposal("oil", TouchClass.Service, "service.oil", vin: Vin1);
        var variants = new[]
        {
            baseline,
            baseline with { DueOn = Today.PlusDays(1) },
            baseline with { Topic = "service.oil-2" },
            baseline with { RuleId = "oil-2" },
            baseline with { Vin = Vin2 },
            baseline with { CustomerId = "C2" },
        };

        variants.Select(IdempotencyKeys.For).Distinct().Should().HaveCount(variants.Length);
    }

    [Test]
    public void Evaluate_OccurrenceAlreadySent_IsNotSentTwice()
    {
        var proposal = Proposal("oil", TouchClass.Service, "service.oil", vin: Vin1);
        var key = Single(Evaluate(proposal)).IdempotencyKey;
        var sent = Sent(key, TouchClass.Service, "service.oil", Now, vin: Vin1);

        var suppressed = SingleSuppressed(Evaluate(proposal, FactsOf(null, null, Vehicle(), sent), at: Now + Duration.FromDays(1)));

        suppressed.Reason.Should().Be(SuppressionReason.AlreadySent);
    }

    [Test]
    public void Evaluate_SameOccurrenceProposedTwice_IsDecidedOnce()
    {
        var proposal = Proposal("oil", TouchClass.Service, "service.oil");

        var result = Evaluate([proposal, proposal with { Priority = 3 }]);

        result.Decisions.Should().ContainSingle();
        result.Suppressed.Single().Reason.Should().Be(SuppressionReason.AlreadySent);
    }

    [TestCase(0)]
    [TestCase(20)]
    public void Evaluate_SameTouchProposedByTwoMatches_IsOneDecisionExplainedByTheFirst(int others)
    {
        // As an 'any' whose alternatives both hold proposes it: alike but for the explanation.
        var first = Proposal("oil", TouchClass.Service, "service.oil") with
        {
            Reason = "the first alternative",
            MatchedFacts = [Customer()],
            Evidence = new Dictionary<string, string> { ["a"] = "1" },
        };
        var second = first with { Reason = "the second alternative", MatchedFacts = [Customer(), Vehicle()], Evidence = new Dictionary<string, string> { ["b"] = "2" } };

        // Past 16 candidates the duplicate check looks them up in a map rather than walking the list.
        var fillers = Enumerable.Range(0, others).Select(i => Proposal("oil", TouchClass.Service, $"service.other-{i}"));

        var result = Evaluate(fillers.Concat([first, second]));

        // One outcome for the touch, whatever the day's arbitration makes of the fillers.
        result.Suppressed.Should().NotContain(s => s.Proposal.Topic == "service.oil");
        var explanation = result.Decisions.Should().ContainSingle(d => d.Topic == "service.oil").Subject.Explanation;
        explanation.Reason.Should().Be("the first alternative");
        explanation.MatchedFacts.Should().ContainSingle().Which.Type.Should().Be("Customer");
        explanation.Evidence.Should().Equal(new Dictionary<string, string> { ["a"] = "1" });
    }

    [Test]
    public void Evaluate_SameOccurrenceProposedTwiceWithOtherValues_SecondIsAlreadySent()
    {
        var proposal = Proposal("oil", TouchClass.Service, "service.oil") with { Personalisation = new Dictionary<string, string> { ["model"] = "Accord" } };

        var result = Evaluate([proposal, proposal with { Personalisation = new Dictionary<string, string> { ["model"] = "Civic" } }]);

        result.Decisions.Should().ContainSingle().Which.Personalisation["model"].Should().Be("Accord");
        result.Suppressed.Single().Reason.Should().Be(SuppressionReason.AlreadySent);
    }

    [Test]
    public void Evaluate_ProposalForAnotherCustomer_IsInvalidAndReported()
    {
        var result = Evaluate(Proposal("offer", customer: "C2"));

        SingleSuppressed(result).Reason.Should().Be(SuppressionReason.InvalidProposal);
        result.Diagnostics.Should().ContainSingle(d => d.Code == EngagementDiagnosticCode.InvalidProposal)
            .Which.Message.Should().Contain("rule offer").And.Contain("'C2'");
    }

    [Test]
    public void Evaluate_MalformedProposal_IsInvalidAndNamesTheProblem()
    {
        var result = Evaluate([Proposal("broken") with { Topic = null!, MatchedFacts = null! }, Proposal("offer")]);

        result.Decisions.Should().ContainSingle().Which.RuleId.Should().Be("offer");
        result.Suppressed.Single().Reason.Should().Be(SuppressionReason.InvalidProposal);
        result.Diagnostics.Single().Message.Should().Be("rule 'broken' proposed a malformed touch: Topic is missing");
    }

    [Test]
    public void Evaluate_ProposalAboutAnUnknownVehicle_IsInvalid()
    {
        SingleSuppressed(Evaluate(Proposal("oil", vin: Vin2))).Reason.Should().Be(SuppressionReason.InvalidProposal);
    }

    [Test]
    public void Evaluate_Explanation_NamesTheRuleFactsEvidenceAndPolicySteps()
    {
        var vehicle = Vehicle();
        var customer = Customer(preferred: [ContactChannel.Sms, ContactChannel.Email], consents: [Withdraw(ContactChannel.Sms), Grant(ContactChannel.Email)]);
        var proposal = Proposal("oil", TouchClass.Service, "service.oil", vin: Vin1) with
        {
            Reason = "oil change due",
            MatchedFacts = [customer, vehicle, new TouchKindHolder(), new Rules.Evaluation.EvaluationContext(Now, NewYork), Proposal("other")],
            Evidence = new System.Collections.Generic.Dictionary<string, string> { ["miles"] = "5210" },
        };

        var explanation = Single(Evaluate(proposal, FactsOf(customer, null, vehicle))).Explanation;

        explanation.RuleId.Should().Be("oil");
        explanation.Reason.Should().Be("oil change due");
        explanation.MatchedFacts.Should().Equal(
            new FactReference("Customer", "C1"),
            new FactReference("Vehicle", Vin1),
            new FactReference("TouchKindHolder", "holder"),
            new FactReference("EvaluationContext", "2026-06-10 10:00 America/New_York"),
            new FactReference("TouchProposal", "other/other.topic/2026-06-10"));
        explanation.Evidence.Should().ContainKey("miles").WhoseValue.Should().Be("5210");
        explanation.Steps.Should().ContainSingle(s => s.Policy == "consent").Which.Description.Should().Contain("Sms skipped").And.Contain("Email chosen");
        explanation.ToString().Should().Contain("rule oil: oil change due").And.Contain($"matched Vehicle {Vin1}").And.Contain("evidence miles = 5210");
    }

    private sealed class TouchKindHolder
    {
        public override string ToString() => "holder";
    }
}
