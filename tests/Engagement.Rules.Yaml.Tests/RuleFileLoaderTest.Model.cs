using System.Linq;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Yaml.Tests.Support;
using NodaTime;

namespace Engagement.Rules.Yaml.Tests;

public sealed partial class RuleFileLoaderTest
{
    private const string WarrantyRule = """
        apiVersion: engagement-rules/v1
        conditions:
          activeCustomer: "customer.status == 'Active'"
        rules:
          - id: warranty-ending-offer
            description: Offer protection.
            priority: 40
            tags: [protection, fi]
            effective: { from: 2026-01-01, until: 2027-12-31 }
            when:
              - customer: Customer
                where: activeCustomer
              - vehicle: Vehicle
                where: [ "vehicle.ownerCustomerId == customer.customerId", "vehicle.isOwned" ]
              - not: { order: RepairOrder, where: "order.vin == vehicle.vin" }
              - let: { model: "vehicle.model" }
            then:
              - touch:
                  kind: offer
                  class: marketing
                  topic: protection.warranty-ending
                  vehicle: vehicle
                  values: { model: "model" }
                  reason: "Your {model} deserves protection"
        """;

    [Test]
    public void LoadFromText_ValidRule_BuildsTheCanonicalModel()
    {
        var result = TestLoading.Load(WarrantyRule);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        var rule = result.Rules.Should().ContainSingle().Subject;
        rule.Id.Should().Be("warranty-ending-offer");
        rule.Priority.Should().Be(40);
        rule.Description.Should().Be("Offer protection.");
        rule.Tags.Should().Equal("protection", "fi");
        rule.Properties["source"].Should().Be("rules.yaml:5:5");
        var elements = rule.LeftHandSide.Elements;
        elements.Select(e => e.GetType().Name).Should().Equal(
            nameof(PatternElement), nameof(PatternElement), nameof(PatternElement), nameof(NotElement), nameof(BindingElement));
        var context = (PatternElement)elements[0];
        context.FactType.Should().Be<EvaluationContext>();
        context.Conditions.Should().HaveCount(2, "from and until each become a condition on today");
        var vehicle = (PatternElement)elements[2];
        vehicle.Conditions.Should().HaveCount(2);
        vehicle.Conditions[0].Parameters.Select(p => p.Name).Should().BeEquivalentTo("vehicle", "customer");
        rule.Actions.Should().ContainSingle().Which.Expression.Parameters[0].Type.Should().Be<Engine.IActionContext>();
    }

    [Test]
    public void LoadFromText_Conditions_KeepTheTextTheRuleWroteThem()
    {
        var rule = TestLoading.Load(WarrantyRule).Rules.Single();

        var elements = rule.LeftHandSide.Elements;
        ((PatternElement)elements[1]).Conditions.Single().Text.Should().Be("activeCustomer", "a named condition shows its name");
        ((PatternElement)elements[2]).Conditions.Select(c => c.Text).Should().Equal("vehicle.ownerCustomerId == customer.customerId", "vehicle.isOwned");
        ((PatternElement)((NotElement)elements[3]).Source).Conditions.Single().Text.Should().Be("order.vin == vehicle.vin");
        ((PatternElement)elements[0]).Conditions.Select(c => c.Text).Should().Equal(["effective from 2026-01-01", "effective until 2027-12-31"], "the effective dates show as the file writes them");
    }

    [Test]
    public void LoadFromText_WhereWithoutOwnDeclaration_AddsItAsUnusedParameter()
    {
        var result = TestLoading.Load("""
            apiVersion: engagement-rules/v1
            rules:
              - id: r1
                when:
                  - customer: Customer
                  - vehicle: Vehicle
                    where: "customer.status == 'Active'"
                then:
                  - touch: { kind: offer, class: marketing, topic: t }
            """);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        var vehicle = (PatternElement)result.Rules[0].LeftHandSide.Elements[2];
        vehicle.Conditions[0].Parameters.Select(p => p.Name).Should().Equal("customer", "vehicle");
        vehicle.Conditions[0].Expression.Parameters.Should().HaveCount(2);
    }

    [Test]
    public void LoadFromText_EffectiveRange_ConditionsCompareToday()
    {
        var result = TestLoading.Load(WarrantyRule);
        var context = (PatternElement)result.Rules[0].LeftHandSide.Elements[0];
        bool Holds(LocalDate day) => context.Conditions.All(c =>
            (bool)c.Expression.Compile().DynamicInvoke(new EvaluationContext(day.AtMidnight().InUtc().ToInstant(), DateTimeZone.Utc))!);

        Holds(new LocalDate(2025, 12, 31)).Should().BeFalse();
        Holds(new LocalDate(2026, 1, 1)).Should().BeTrue();
        Holds(new LocalDate(2027, 12, 31)).Should().BeTrue("until is inclusive");
        Holds(new LocalDate(2028, 1, 1)).Should().BeFalse();
    }

    [Test]
    public void LoadFromText_DisabledRule_IsValidatedButNotLoaded()
    {
        var result = TestLoading.Load("""
            apiVersion: engagement-rules/v1
            rules:
              - id: off
                enabled: false
                when: [ { customer: Customer } ]
                then: [ { touch: { kind: offer, class: marketing, topic: t } } ]
              - id: broken-but-off
                enabled: false
                when: [ { customer: Custmer } ]
                then: [ { touch: { kind: offer, class: marketing, topic: t } } ]
            """);

        result.Rules.Should().BeEmpty();
        result.ShouldReport("ER1003", 9, 25);
    }

    [Test]
    public void LoadFromText_DisabledValidRule_LoadsNothingWithoutErrors()
    {
        var result = TestLoading.Load("""
            apiVersion: engagement-rules/v1
            rules:
              - id: off
                enabled: false
                when: [ { customer: Customer } ]
                then: [ { touch: { kind: offer, class: marketing, topic: t } } ]
            """);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        result.Rules.Should().BeEmpty();
    }

    [Test]
    public void LoadFromText_Aggregate_BindsResultOfTheRightType()
    {
        var result = TestLoading.Load("""
            apiVersion: engagement-rules/v1
            rules:
              - id: loyal
                when:
                  - vehicle: Vehicle
                  - count: { as: visits, of: { ro: RepairOrder, where: "ro.vin == vehicle.vin" }, having: "visits >= 3" }
                  - sum: { as: spent, of: { o: RepairOrder }, value: "o.amount" }
                  - collect: { as: orders, of: { c: RepairOrder } }
                  - groupBy: { as: byVin, of: { g: RepairOrder }, key: "g.vin" }
                then:
                  - touch: { kind: thank-you, class: relationship, topic: loyal, customer: "vehicle.ownerCustomerId" }
            """);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        var aggregates = result.Rules[0].LeftHandSide.Elements.OfType<AggregateElement>().ToArray();
        aggregates.Select(a => (a.Kind, a.Result.Type)).Should().Equal(
            (AggregateKind.Count, typeof(int)),
            (AggregateKind.Sum, typeof(int)),
            (AggregateKind.Collect, typeof(System.Collections.Generic.IReadOnlyList<RepairOrder>)),
            (AggregateKind.GroupBy, typeof(FactGroup<string, RepairOrder>)));
        aggregates[0].ResultConditions.Should().ContainSingle();
        aggregates[1].Selector!.Parameters.Should().ContainSingle().Which.Name.Should().Be("o");
    }

    [Test]
    public void LoadFromText_AnyAndForAll_BuildOrAndForAllElements()
    {
        var result = TestLoading.Load("""
            apiVersion: engagement-rules/v1
            rules:
              - id: either
                when:
                  - customer: Customer
                  - any:
                      - { v1: Vehicle, where: "v1.ownerCustomerId == customer.customerId" }
                      - all: [ { o: RepairOrder }, { v2: Vehicle, where: "v2.vin == o.vin" } ]
                  - forall:
                      each: { v3: Vehicle, where: "v3.ownerCustomerId == customer.customerId" }
                      satisfy: [ { o2: RepairOrder, where: "o2.vin == v3.vin" } ]
                  - exists: [ { o3: RepairOrder } ]
                then:
                  - signal: { name: checked }
            """);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        var elements = result.Rules[0].LeftHandSide.Elements;
        elements[2].Should().BeOfType<OrElement>().Which.Elements[1].Should().BeOfType<AndElement>();
        elements[3].Should().BeOfType<ForAllElement>().Which.Patterns.Should().ContainSingle();
        elements[4].Should().BeOfType<ExistsElement>().Which.Source.Should().BeOfType<PatternElement>();
    }
}
