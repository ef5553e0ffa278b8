using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.DependencyInjection.Tests.Support;
using Engagement.Rules.Yaml.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Rules.DependencyInjection.Tests;

/// <summary>What <see cref="IEngagementRuleSetProvider.TryReload"/> hands back: diagnostics with codes and locations.</summary>
public sealed partial class AddEngagementRulesTest
{
    [Test]
    public void TryReload_SameRuleIdInAFolderAndARuleText_ReportsDI0001AtTheSecondSource()
    {
        using var folder = new TempFolder();
        var file = folder.Write("other.yaml", Given.TradeInRule().Replace("id: trade-in-offer", "id: other-offer", System.StringComparison.Ordinal));
        using var provider = Services.Build(o =>
        {
            o.RulePaths.Add(folder.Path);
            o.AddRuleText("text.yaml", Given.TradeInRule());
        });
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();
        var before = rules.Current;

        System.IO.File.WriteAllText(file, Given.TradeInRule());
        var swapped = rules.TryReload(out var diagnostics);

        swapped.Should().BeFalse();
        rules.Current.Should().BeSameAs(before);
        var duplicate = diagnostics.Should().ContainSingle().Subject;
        duplicate.Code.Should().Be(EngagementRulesDiagnosticCodes.DuplicateRuleId).And.Be("DI0001", "codes are stable");
        duplicate.Severity.Should().Be(DiagnosticSeverity.Error);
        duplicate.RuleId.Should().Be("trade-in-offer");
        duplicate.Location.File.Should().Be("text.yaml", "rule paths load before rule texts, so the text holds the second definition");
        duplicate.Location.Line.Should().Be(3, "the rule's id line");
        duplicate.Message.Should().Contain(file, "the message names the first definition");
    }

    [Test]
    public void TryReload_NewSetWithAWarning_SwapsAndReturnsTheWarning()
    {
        using var folder = new TempFolder();
        folder.Write("trade-in.yaml", Given.TradeInRule());
        using var provider = Services.Build(o => o.RulePaths.Add(folder.Path));
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();

        var empty = folder.Write("empty.yaml", string.Empty);
        var swapped = rules.TryReload(out var diagnostics);

        swapped.Should().BeTrue(Formatted(diagnostics));
        rules.Generation.Should().Be(2);
        var warning = diagnostics.Should().ContainSingle().Subject;
        (warning.Code, warning.Severity, warning.Location.File).Should().Be((DiagnosticCodes.EmptyFile, DiagnosticSeverity.Warning, empty));
    }

    private static string Formatted(IReadOnlyList<RuleDiagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => d.Format()));
}
