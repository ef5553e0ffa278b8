using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using Engagement.Rules.Policies;
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
        Steps(result.Suppressed.Single()).Should().Contain("safety touch 'safety.recall' (rule recall) outranks it");
    }
}
