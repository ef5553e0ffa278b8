using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Engagement.Rules.Yaml.Tests.Support;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>Topics are template keys: the rule-id alphabet, checked when the file loads (ER0023), as in the schema.</summary>
public sealed partial class RuleFileLoaderTest
{
    private static RuleLoadResult LoadWithTopic(string topic) => new RuleFileLoader().LoadFromText("r.yaml", $$"""
        apiVersion: engagement-rules/v1
        rules:
          - id: r
            when: [ { customer: Customer } ]
            then: [ { touch: { kind: reminder, class: service, topic: "{{topic}}" } } ]
        """);

    [TestCase("service.oil-change-due", true)]
    [TestCase("t", true)]
    [TestCase("2026.spring_event", true)]
    [TestCase("", false)]
    [TestCase(" ", false)]
    [TestCase("Service.Due", false)]
    [TestCase("has spaces", false)]
    [TestCase("-lead", false)]
    [TestCase("a/b", false)]
    [TestCase("café", false)]
    public void LoadFromText_Topic_IsAcceptedOnlyInTheTemplateKeyAlphabet(string topic, bool valid)
    {
        var result = LoadWithTopic(topic);

        if (valid)
        {
            result.Success.Should().BeTrue(result.FormatDiagnostics());
            return;
        }

        var error = result.Single("ER0023");
        error.Message.Should().Contain(topic.Trim().Length == 0 ? "'topic' is empty" : "not a valid topic");
        error.RuleId.Should().Be("r");
    }

    [Test]
    public void LoadFromText_TopicLongerThan128_IsER0023()
    {
        var result = new RuleFileLoader().LoadFromText("r.yaml", $$"""
            apiVersion: engagement-rules/v1
            rules:
              - id: r
                when: [ { customer: Customer } ]
                then: [ { touch: { kind: reminder, class: service, topic: {{new string('a', 129)}} } } ]
            """);

        result.Single("ER0023").Message.Should().Contain("at most 128");
    }

    [TestCase("service.oil-change-due")]
    [TestCase("")]
    [TestCase("Service.Due")]
    [TestCase("has spaces")]
    [TestCase("_lead")]
    public void Schema_TopicRule_AgreesWithTheLoader(string topic)
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "engagement-rules.schema.json")))!;
        // The text form of the topic (a plain number such as 2026 is typed as an integer by editors, and allowed too).
        var rule = schema["definitions"]!["touch"]!["properties"]!["topic"]!["anyOf"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "string")!;
        var bySchema = topic.Length >= rule["minLength"]!.GetValue<int>()
            && topic.Length <= rule["maxLength"]!.GetValue<int>()
            && Regex.IsMatch(topic, rule["pattern"]!.GetValue<string>());

        var byLoader = LoadWithTopic(topic).Diagnostics.All(d => d.Code != "ER0023");

        bySchema.Should().Be(byLoader);
    }
}
