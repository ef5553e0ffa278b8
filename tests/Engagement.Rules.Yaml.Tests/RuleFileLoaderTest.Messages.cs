using System.Linq;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>Loader messages in the language's words (review F13): no .NET type names, the way out named.</summary>
public sealed partial class RuleFileLoaderTest
{
    private static RuleLoadResult LoadRule(string body) => new RuleFileLoader().LoadFromText("r.yaml", $$"""
        apiVersion: engagement-rules/v1
        rules:
          - id: r
        {{body}}
        """);

    [TestCase("    priority: 99999999999\n    when: [ { customer: Customer } ]\n    then: [ { signal: { name: s } } ]", "'priority' is out of range: '99999999999' is beyond -2147483648 to 2147483647")]
    [TestCase("    priority: high\n    when: [ { customer: Customer } ]\n    then: [ { signal: { name: s } } ]", "'priority' is a whole number, not 'high'")]
    [TestCase("    effective: { from: 2026-02-29 }\n    when: [ { customer: Customer } ]\n    then: [ { signal: { name: s } } ]", "2026-02-29 is not a day of the calendar")]
    [TestCase("    effective: { from: 2026-1-5 }\n    when: [ { customer: Customer } ]\n    then: [ { signal: { name: s } } ]", "'from' is a date written yyyy-MM-dd")]
    public void LoadFromText_BadNumberOrDate_IsER0023SayingWhatIsWrong(string body, string message)
    {
        var error = Support.TestLoading.Single(LoadRule(body), "ER0023");

        error.Message.Should().Contain(message);
    }

    [Test]
    public void LoadFromText_NonAsciiName_IsER1005NamingAsciiLetters()
    {
        var result = LoadRule("    when: [ { véhicule: Vehicle }, { customer: Customer } ]\n    then: [ { signal: { name: s } } ]");

        Support.TestLoading.Single(result, "ER1005").Message.Should().Contain("ASCII letters");
    }

    [TestCase("sum", "v.averageDailyDistance", "'sum' adds values, but this is a number that may be missing: write v.averageDailyDistance ?? 0.0.")]
    [TestCase("max", "v.purchaseDate", "'max' compares values, but this is a date that may be missing: write v.purchaseDate ?? <default>.")]
    public void LoadFromText_AggregateOverAValueThatMayBeMissing_IsER1017WithTheDefault(string kind, string value, string message)
    {
        var result = LoadRule($"    when:\n      - customer: Customer\n      - {kind}: {{ as: total, of: {{ v: Vehicle }}, value: \"{value}\" }}\n    then: [ {{ signal: {{ name: s }} }} ]");

        var error = Support.TestLoading.Single(result, "ER1017");
        error.Message.Should().Be(message);
        result.Diagnostics.Should().NotContain(d => d.Message.Contains('`'), "no .NET generic type names");
    }

    [TestCase("min")]
    [TestCase("max")]
    public void LoadFromText_MinMaxOverAnOptionalText_IsER1017WithTheDefault(string kind)
    {
        // An optional text has the type of a present one; the aggregate must still not yield a missing value typed as present.
        var result = LoadRule($"    when:\n      - customer: Customer\n      - {kind}: {{ as: m, of: {{ ro: RepairOrder }}, value: \"ro.advisor\" }}\n    then: [ {{ signal: {{ name: s }} }} ]");

        Support.TestLoading.Single(result, "ER1017").Message.Should().Be($"'{kind}' compares values, but this is a text that may be missing: write ro.advisor ?? ''.");
    }

    [Test]
    public void LoadFromText_MinOverAnOptionalTextWithDefault_Loads()
    {
        var result = LoadRule("    when:\n      - customer: Customer\n      - min: { as: m, of: { ro: RepairOrder }, value: \"ro.advisor ?? ''\", having: \"m != ''\" }\n    then: [ { signal: { name: s } } ]");

        result.Diagnostics.Should().BeEmpty(result.FormatDiagnostics());
    }

    [Test]
    public void LoadFromText_SumOverAnOptionalText_SaysItAddsNumbers()
    {
        // The '?? ...' hint would lead to a text, which 'sum' cannot add either: name the real problem.
        var result = LoadRule("    when:\n      - customer: Customer\n      - sum: { as: m, of: { ro: RepairOrder }, value: \"ro.advisor\" }\n    then: [ { signal: { name: s } } ]");

        Support.TestLoading.Single(result, "ER1017").Message.Should().Be("'sum' adds numbers, but this is a text.");
    }

    [Test]
    public void LoadFromText_ExpiresOfAnotherType_SaysWhichTypeInWords()
    {
        var result = LoadRule("    when: [ { customer: Customer } ]\n    then: [ { touch: { kind: reminder, class: service, topic: t, expires: \"now()\" } } ]");

        Support.TestLoading.Single(result, "ER1015").Message.Should().Be("'expires' must be a date, but this is an instant.");
    }

    [Test]
    public void LoadFromText_BraceInQuotedTextOfAReasonPart_StaysInThePart()
    {
        var result = LoadRule("    when: [ { customer: Customer } ]\n    then: [ { touch: { kind: reminder, class: service, topic: t, reason: \"x {lower('A}B')} {upper(\\\"{c}\\\")}\" } } ]");

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        var session = Engine.RuleCompiler.Compile(result.Rules).CreateSession();
        session.Insert(new Evaluation.EvaluationContext(NodaTime.Instant.FromUtc(2026, 3, 2, 8, 0), NodaTime.DateTimeZone.Utc));
        session.Insert(new Facts.Customer { CustomerId = "C1", FirstName = "Ada", LastName = "Lovelace", TimeZoneId = "Europe/London" });
        session.Fire();
        session.Query<Decisions.TouchProposal>().Single().Reason.Should().Be("x a}b {C}");
    }

    [Test]
    public void Format_EmptyRuleId_HasNoEmptyRuleTag()
    {
        var result = new RuleFileLoader().LoadFromText("r.yaml", """
            apiVersion: engagement-rules/v1
            rules:
              - id: ""
                when: [ { customer: Customer } ]
                then: [ { signal: { name: s } } ]
            """);

        var error = Support.TestLoading.Single(result, "ER1002");
        error.Format().Should().NotContain("[rule");
    }

    [Test]
    public void LoadFromText_StandardTag_IsNamedAsWritten()
    {
        var result = new RuleFileLoader().LoadFromText("r.yaml", "apiVersion: engagement-rules/v1\nrules:\n  - id: !!str r\n");

        Support.TestLoading.Single(result, "ER0012").Message.Should().Contain("Tags (!!str) are not allowed");
    }

    [Test]
    public void Load_ConditionDefinedInTwoUnrelatedFiles_IsER1007WithoutTalkingOfIncludes()
    {
        using var folder = new TempFolder();
        const string Definition = "apiVersion: engagement-rules/v1\nconditions:\n  isActive:\n    parameters: { c: Customer }\n    expression: c.isAmbassador\n";
        folder.Write("a.yaml", Definition);
        folder.Write("b.yaml", Definition);

        var result = new RuleFileLoader().Load([folder.Path]);

        var error = Support.TestLoading.Single(result, "ER1007");
        error.Message.Should().Contain("condition names are shared by all loaded files").And.NotContain("included");
    }
}
