using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using Engagement.Rules.Policies;
using NodaTime;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

public sealed partial class EngagementEvaluatorTest
{
    private static Complaint OpenComplaint() => new() { Id = "CP-7", CustomerId = "C1", OpenedOn = Today.PlusDays(-3) };

    [Test]
    public void Evaluate_OpenComplaint_SuppressesMarketingButNotService()
    {
        var facts = FactsOf(null, null, Vehicle(), OpenComplaint());

        var result = Evaluate([Proposal("offer"), Proposal("oil", TouchClass.Service, "service.oil")], facts);

        result.Decisions.Should().ContainSingle().Which.RuleId.Should().Be("oil");
        var suppressed = result.Suppressed.Should().ContainSingle().Subject;
        suppressed.Reason.Should().Be(SuppressionReason.SuppressionCondition);
        Steps(suppressed).Should().Contain("open Complaint CP-7 (opened 2026-06-07)");
    }

    [Test]
    public void Evaluate_ResolvedComplaint_DoesNotSuppress()
    {
        var facts = FactsOf(null, null, Vehicle(), OpenComplaint() with { ResolvedOn = Today.PlusDays(-1) });

        Single(Evaluate(Proposal("offer"), facts));
    }

    [Test]
    public void Evaluate_OpenRepairOrder_SuppressesMarketing()
    {
        var order = new RepairOrder { RepairOrderId = "RO-3", Vin = Vin.Parse(Vin1), CustomerId = "C1", OpenedOn = Today, Mileage = 20000 };

        var suppressed = SingleSuppressed(Evaluate(Proposal("offer"), FactsOf(null, null, Vehicle(), order)));

        Steps(suppressed).Should().Contain("open RepairOrder RO-3");
    }

    [Test]
    public void Evaluate_SuppressionConditionsAreConfigurable()
    {
        var options = PolicyOptions.Default with { Suppression = new SuppressionOptions { Conditions = [SuppressionCondition.OpenRepairOrder] } };

        Single(Evaluate(Proposal("offer"), FactsOf(null, null, Vehicle(), OpenComplaint()), options));
    }

    [Test]
    public void Evaluate_RecallProposed_OutranksMarketing()
    {
        var result = Evaluate([Proposal("offer"), Proposal("recall", TouchClass.Safety, "safety.recall", vin: Vin1)]);

        result.Decisions.Should().ContainSingle().Which.Class.Should().Be(TouchClass.Safety);
        var suppressed = result.Suppressed.Should().ContainSingle().Subject;
        suppressed.Reason.Should().Be(SuppressionReason.SuppressionCondition);
        suppressed.Explanation.Steps[^1].ToString().Should().Be("suppression: Marketing touch suppressed: safety touch 'safety.recall' (rule recall) outranks it");
    }

    [Test]
    public void Evaluate_RecallNoticeInCooldown_DoesNotSuppressMarketing()
    {
        // The pack proposes an open recall's notice every day; the cooldown holds it back for 30 days, and on
        // those days marketing must go on.
        var sent = Sent("T-RECALL", TouchClass.Safety, "safety.recall", Now - Duration.FromDays(5), vin: Vin1);

        var result = Evaluate([Proposal("offer"), Proposal("recall", TouchClass.Safety, "safety.recall", vin: Vin1)], FactsOf(null, null, Vehicle(), sent));

        result.Decisions.Should().ContainSingle().Which.RuleId.Should().Be("offer");
        result.Suppressed.Should().ContainSingle().Which.Reason.Should().Be(SuppressionReason.Cooldown);
    }

    [Test]
    public void Evaluate_SafetyDueOnALaterDay_DoesNotSuppressTodaysMarketing()
    {
        var result = Evaluate([Proposal("offer"), Proposal("recall", TouchClass.Safety, "safety.recall", due: Today.PlusDays(10), vin: Vin1)]);

        result.Suppressed.Should().BeEmpty();
        result.Decisions.Select(d => (d.RuleId, d.DueLocal.Date)).Should().Equal(("offer", Today), ("recall", Today.PlusDays(10)));
    }

    [Test]
    public void Evaluate_SafetyStoppedByNoConsent_DoesNotSuppressMarketing()
    {
        // Marketing e-mail is granted; every channel the safety touch could use has its service consent withdrawn.
        var customer = Customer(consents:
        [
            Grant(ContactChannel.Email),
            Withdraw(ContactChannel.Email, ConsentPurpose.Service),
            Withdraw(ContactChannel.Sms, ConsentPurpose.Service),
            Withdraw(ContactChannel.Mail, ConsentPurpose.Service),
        ]);

        var result = Evaluate([Proposal("offer"), Proposal("recall", TouchClass.Safety, "safety.recall", vin: Vin1)], FactsOf(customer, null, Vehicle()));

        result.Decisions.Should().ContainSingle().Which.RuleId.Should().Be("offer");
        result.Suppressed.Should().ContainSingle().Which.Reason.Should().Be(SuppressionReason.NoConsent);
    }

    [Test]
    public void Evaluate_SafetyHeldToTheNextDay_SuppressesOnlyThatDaysMarketing()
    {
        // A recall text proposed at 21:40 is held to 08:00 tomorrow: today's e-mail offer goes, tomorrow's does not.
        var evening = new LocalDateTime(2026, 6, 10, 21, 40).InZoneStrictly(NewYork).ToInstant();
        var proposals = new[]
        {
            Proposal("offer"),
            Proposal("offer-tomorrow", due: Today.PlusDays(1)),
            Proposal("recall", TouchClass.Safety, "safety.recall", channel: ContactChannel.Sms, vin: Vin1),
        };

        var result = Evaluate(proposals, at: evening);

        result.Decisions.Select(d => d.RuleId).Should().Equal("offer", "recall");
        var suppressed = result.Suppressed.Should().ContainSingle().Subject;
        suppressed.Proposal.RuleId.Should().Be("offer-tomorrow");
        suppressed.Reason.Should().Be(SuppressionReason.SuppressionCondition);
        suppressed.Explanation.Steps[^1].ToString().Should().Be("suppression: Marketing touch suppressed: safety touch 'safety.recall' (rule recall) outranks it");
    }

    [Test]
    public void Evaluate_SafetyTouchSentToday_SuppressesMarketing()
    {
        var sent = Sent("T-RECALL", TouchClass.Safety, "safety.recall", Now - Duration.FromHours(1), vin: Vin1);

        var suppressed = SingleSuppressed(Evaluate(Proposal("offer"), FactsOf(null, null, Vehicle(), sent)));

        suppressed.Reason.Should().Be(SuppressionReason.SuppressionCondition);
        Steps(suppressed).Should().Contain("safety touch 'safety.recall' (TouchSent T-RECALL, sent 2026-06-10 09:00) outranks it");
    }

    [Test]
    public void Evaluate_SafetyTouchSentYesterday_DoesNotSuppressMarketing()
    {
        var sent = Sent("T-RECALL", TouchClass.Safety, "safety.recall", Now - Duration.FromDays(1), vin: Vin1);

        Single(Evaluate(Proposal("offer"), FactsOf(null, null, Vehicle(), sent)));
    }

    [Test]
    public void Evaluate_SafetyNoticeConditionOff_DoesNotSuppressMarketing()
    {
        var options = PolicyOptions.Default with { Suppression = new SuppressionOptions { Conditions = [SuppressionCondition.OpenComplaint] } };

        var result = Evaluate([Proposal("offer"), Proposal("recall", TouchClass.Safety, "safety.recall", vin: Vin1)], options: options);

        result.Suppressed.Should().BeEmpty();
        result.Decisions.Should().HaveCount(2);
    }
}
