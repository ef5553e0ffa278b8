using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>The complete example of docs/rule-language.md loads as written.</summary>
public sealed class DocsExampleTest
{
    [Test]
    public void Docs_CompleteExample_Loads()
    {
        var docs = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "rule-language.md"));
        var example = Regex.Match(docs, "```yaml\n(?<text>.*?)```", RegexOptions.Singleline).Groups["text"].Value;
        using var folder = new TempFolder();
        folder.Write("common/conditions.yaml", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", "valid", "common", "conditions.yaml")));
        var path = folder.Write("offers.yaml", example);

        var result = new RuleFileLoader().Load([path]);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
        result.Rules.Select(r => r.Id).Should().Equal("warranty-ending-offer", "warranty-offer-follow-up");
    }
}
