using System.Linq;
using Engagement.Rules.Chaining;
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
}
