using System.Linq;
using Engagement.Rules.Chaining;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>Rule semantics with the real expression language: named conditions, flags, signals.</summary>
public sealed partial class RuleFileLoaderTest
{
    [Test]
    public void LoadFromText_TypedConditionWithRename_BindsTheRenamedDeclaration()
    {
        var result = new RuleFileLoader().LoadFromText("c.yaml", """
            apiVersion: engagement-rules/v1
            conditions:
              ambassador:
                parameters: { c: Customer }
                expression: "c.isAmbassador"
            rules:
              - id: ambassadors
                repeatable: false
                when: [ { someone: Customer, where: { condition: ambassador, with: { c: someone } } } ]
                then: [ { signal: { name: ambassador-seen, linked: false } } ]
            """);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        var rule = result.Rules.Single();
        rule.Repeatability.Should().Be(RuleRepeatability.NonRepeatable);
        var pattern = (PatternElement)rule.LeftHandSide.Elements[1];
        pattern.Conditions.Single().Parameters.Single().Name.Should().Be("someone");
    }

    [Test]
    public void RoundTrip_UnlinkedSignal_StaysWhenTheMatchGoesAway()
    {
        var result = new RuleFileLoader().LoadFromText("s.yaml", """
            apiVersion: engagement-rules/v1
            rules:
              - id: linked
                when: [ { customer: Customer, where: "customer.isAmbassador" } ]
                then: [ { signal: { name: linked } } ]
              - id: unlinked
                when: [ { customer: Customer, where: "customer.isAmbassador" } ]
                then: [ { signal: { name: unlinked, linked: false } } ]
            """);
        result.Success.Should().BeTrue(result.FormatDiagnostics());
        var session = RuleCompiler.Compile(result.Rules).CreateSession();
        var customer = new Customer { CustomerId = "C1", FirstName = "Ada", LastName = "Lovelace", TimeZoneId = "Europe/London", IsAmbassador = true };
        session.Insert(new EvaluationContext(Instant.FromUtc(2026, 3, 2, 8, 0), DateTimeZone.Utc));
        session.Insert(customer);
        session.Fire();
        session.Query<Signal>().Select(s => s.Name).Should().BeEquivalentTo("linked", "unlinked");

        session.Update(customer with { IsAmbassador = false });
        session.Fire();

        session.Query<Signal>().Select(s => s.Name).Should().Equal("unlinked");
    }

    [Test]
    public void LoadFromText_ShortConditionUsedWhereItsNamesAreMissing_ReportsInTheDefinition()
    {
        var result = new RuleFileLoader().LoadFromText("c.yaml", """
            apiVersion: engagement-rules/v1
            conditions:
              activeCustomer: "customer.status == Active"
            rules:
              - id: wrong-name
                when: [ { c: Customer, where: activeCustomer } ]
                then: [ { signal: { name: s } } ]
            """);

        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().StartWith("ER2");
        (diagnostic.Location.Line, diagnostic.RuleId).Should().Be((3, "wrong-name"));
    }

    [Test]
    public void RoundTrip_SameAggregateWithDifferentHaving_EachRuleFiresOnlyOnItsOwnRange()
    {
        // The two rules share one aggregate node; each 'having' must still filter its own rule, also when a change
        // of the facts moves the result from one range to the other.
        var result = new RuleFileLoader().LoadFromText("h.yaml", """
            apiVersion: engagement-rules/v1
            rules:
              - id: recent
                when:
                  - customer: Customer
                  - vehicle: Vehicle
                    where: vehicle.ownerCustomerId == customer.customerId
                  - max: { as: lastVisit, of: { ro: RepairOrder, where: ro.vin == vehicle.vin }, value: ro.openedOn, having: "daysSince(lastVisit) < 100" }
                then: [ { touch: { kind: reminder, class: service, topic: recent, vehicle: vehicle, reason: "last visit {lastVisit}" } } ]
              - id: lapsed
                when:
                  - customer: Customer
                  - vehicle: Vehicle
                    where: vehicle.ownerCustomerId == customer.customerId
                  - max: { as: lastVisit, of: { ro: RepairOrder, where: ro.vin == vehicle.vin }, value: ro.openedOn, having: "daysSince(lastVisit) >= 100" }
                then: [ { touch: { kind: offer, class: marketing, topic: lapsed, vehicle: vehicle, reason: "last visit {lastVisit}" } } ]
            """);
        result.Success.Should().BeTrue(result.FormatDiagnostics());
        var today = new LocalDate(2026, 11, 24);
        var vin = Engagement.Rules.Facts.Vin.Parse("1HGCM82633A004352");
        var customer = new Customer { CustomerId = "C1", FirstName = "Ada", LastName = "Lovelace", TimeZoneId = "Europe/London" };
        var vehicle = new Vehicle { Vin = vin, OwnerCustomerId = "C1", Make = "Honda", Model = "Accord", ModelYear = 2023 };
        var recentVisit = new RepairOrder { RepairOrderId = "RO2", Vin = vin, CustomerId = "C1", OpenedOn = today.PlusDays(-10), Mileage = 2000 };
        var compiled = RuleCompiler.Compile(result.Rules);
        compiled.DumpNetwork().Split('\n').Count(l => l.Contains("aggregate Max", System.StringComparison.Ordinal))
            .Should().Be(1, "both rules read the last visit from one aggregate node");
        var session = compiled.CreateSession();
        var contexts = new System.Collections.Generic.List<int>();
        session.Events.RuleFired += (_, e) => contexts.Add(e.Match.Facts.Count(f => f is EvaluationContext));
        session.InsertAll(
        [
            new EvaluationContext(today.At(new LocalTime(8, 0)).InUtc().ToInstant(), DateTimeZone.Utc),
            customer,
            vehicle,
            new RepairOrder { RepairOrderId = "RO1", Vin = vin, CustomerId = "C1", OpenedOn = today.PlusDays(-300), Mileage = 1000 },
            recentVisit,
        ]);
        session.Fire();

        var proposal = session.Query<TouchProposal>().Should().ContainSingle().Subject;
        proposal.RuleId.Should().Be("recent");
        proposal.Reason.Should().Be("last visit 2026-11-14");
        contexts.Should().Equal([1], "the 'having' test adds no fact to the match");

        session.Retract(recentVisit);
        session.Fire();

        proposal = session.Query<TouchProposal>().Should().ContainSingle().Subject;
        proposal.RuleId.Should().Be("lapsed");
        proposal.Reason.Should().Be("last visit 2026-01-28");
    }
}
