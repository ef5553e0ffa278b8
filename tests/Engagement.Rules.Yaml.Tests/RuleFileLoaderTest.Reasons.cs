using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>Reasons: literal text and values joined into one text, whatever the number of parts.</summary>
public sealed partial class RuleFileLoaderTest
{
    // The compiled reason joins its parts with a fixed-count concatenation (2 to 8 parts) or an array (more),
    // without the empty literals; every shape must give the text the template describes.
    [TestCase("", "")]
    [TestCase("plain text", "plain text")]
    [TestCase("{customer.firstName}", "Ada")]
    [TestCase("{customer.charityOfChoice}", "")]
    [TestCase("[{customer.charityOfChoice}]", "[]")]
    [TestCase("{customer.firstName}{customer.lastName}", "AdaLovelace")]
    [TestCase("Hi {customer.firstName}!", "Hi Ada!")]
    [TestCase("{customer.firstName} {customer.lastName}", "Ada Lovelace")]
    [TestCase("a {customer.firstName} b {customer.lastName} c", "a Ada b Lovelace c")]
    [TestCase("{customer.firstName}, {customer.lastName}, {customer.customerId}", "Ada, Lovelace, C1")]
    [TestCase("1{customer.firstName}2{customer.lastName}3{customer.customerId}4", "1Ada2Lovelace3C14")]
    [TestCase("a{customer.firstName}b{customer.lastName}c{customer.customerId}d{customer.firstName}e", "aAdabLovelacecC1dAdae")]
    [TestCase("{{x}} {customer.firstName} {customer.charityOfChoice}{customer.lastName}", "{x} Ada Lovelace")]
    public void RoundTrip_Reason_JoinsTheTextAndTheValues(string reason, string expected)
    {
        var result = new RuleFileLoader().LoadFromText("r.yaml", $$"""
            apiVersion: engagement-rules/v1
            rules:
              - id: reason
                when: [ { customer: Customer } ]
                then: [ { touch: { kind: reminder, class: service, topic: reason, reason: "{{reason}}" } } ]
            """);
        result.Success.Should().BeTrue(result.FormatDiagnostics());
        var session = RuleCompiler.Compile(result.Rules).CreateSession();
        session.Insert(new EvaluationContext(Instant.FromUtc(2026, 3, 2, 8, 0), DateTimeZone.Utc));
        session.Insert(new Customer { CustomerId = "C1", FirstName = "Ada", LastName = "Lovelace", TimeZoneId = "Europe/London" });
        session.Fire();

        session.Query<TouchProposal>().Should().ContainSingle().Which.Reason.Should().Be(expected);
    }

    // A reason part or a value is rendered as text: a whole fact or a list would come out as a .NET dump.
    [TestCase("reason: \"Hi {customer}\"", 5, 84, "a whole Customer; render one of its fields, e.g. customer.firstName")]
    [TestCase("reason: \"{customer.preferredChannels}\"", 5, 81, "a list of ContactChannel")]
    [TestCase("reason: \"{customer.jurisdiction ?? customer.jurisdiction}\"", 5, 81, "a whole Jurisdiction")]
    [TestCase("values: { who: customer }", 5, 86, "The value 'who'")]
    [TestCase("values: { consents: customer.consents }", 5, 91, "a list of ConsentRecord")]
    public void LoadFromText_FactOrListRenderedAsText_IsER1015(string part, int line, int column, string message)
    {
        var result = new RuleFileLoader().LoadFromText("r.yaml", $$"""
            apiVersion: engagement-rules/v1
            rules:
              - id: render
                when: [ { customer: Customer } ]
                then: [ { touch: { kind: reminder, class: service, topic: render, {{part}} } } ]
            """);

        Support.TestLoading.ShouldReport(result, "ER1015", line, column);
        Support.TestLoading.Single(result, "ER1015").Message.Should().Contain(message).And.Contain("must be a single value");
    }

    [Test]
    public void RoundTrip_ScalarValuesOfEveryKind_RenderAsTheirText()
    {
        var result = new RuleFileLoader().LoadFromText("r.yaml", """
            apiVersion: engagement-rules/v1
            rules:
              - id: render
                when: [ { customer: Customer } ]
                then:
                  - touch:
                      kind: reminder
                      class: service
                      topic: render
                      reason: "{customer.status} {2026-03-01} {now()} {08:30} {3 days} {3 hours} {customer.isAmbassador} {1.5 * 2}"
                      values: { first: customer.firstName, size: "customer.householdSize ?? 0" }
            """);
        result.Success.Should().BeTrue(result.FormatDiagnostics());
        var session = RuleCompiler.Compile(result.Rules).CreateSession();
        session.Insert(new EvaluationContext(Instant.FromUtc(2026, 3, 2, 8, 0), DateTimeZone.Utc));
        session.Insert(new Customer { CustomerId = "C1", FirstName = "Ada", LastName = "Lovelace", TimeZoneId = "Europe/London" });
        session.Fire();

        var proposal = session.Query<TouchProposal>().Should().ContainSingle().Subject;
        proposal.Reason.Should().Be("Active 2026-03-01 2026-03-02T08:00:00Z 08:30:00 P3D PT3H false 3.0");
        proposal.Personalisation.Should().Contain("first", "Ada");
    }
}
