using System.Linq;
using Engagement.Rules.DependencyInjection.Tests.Support;
using Engagement.Rules.Yaml.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Engagement.Rules.DependencyInjection.Tests;

/// <summary><see cref="IEngagementRuleSetProvider.LastReload"/>: the reload status a health check reads.</summary>
public sealed partial class AddEngagementRulesTest
{
    [Test]
    public void LastReload_BeforeAnyReload_IsNull()
    {
        using var folder = new TempFolder();
        folder.Write("trade-in.yaml", Given.TradeInRule());
        using var provider = Services.Build(o => o.RulePaths.Add(folder.Path));

        provider.GetRequiredService<IEngagementRuleSetProvider>().LastReload.Should().BeNull("the first load is not a reload");
    }

    [Test]
    public void LastReload_SuccessFailureSuccess_ReportsEachReloadAtTheClocksInstant()
    {
        using var folder = new TempFolder();
        var file = folder.Write("trade-in.yaml", Given.TradeInRule(topic: "sales.v1"));
        var clock = new FakeClock(Given.Now);
        using var provider = Services.Build(o =>
        {
            o.RulePaths.Add(folder.Path);
            o.Clock = clock;
        });
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();
        var evaluator = provider.GetRequiredService<IEngagementEvaluator>();
        var facts = Given.For("C1", new TradeInAppraisal("C1", 900_000));

        clock.Advance(Duration.FromMinutes(1));
        System.IO.File.WriteAllText(file, Given.TradeInRule(topic: "sales.v2"));
        rules.TryReload(out _).Should().BeTrue();
        var first = rules.LastReload!;
        (first.CompletedAt, first.Succeeded, first.Generation).Should().Be((Given.Now + Duration.FromMinutes(1), true, 2));
        first.Diagnostics.Should().BeEmpty();

        clock.Advance(Duration.FromMinutes(1));
        System.IO.File.WriteAllText(file, Given.BrokenRule);
        rules.TryReload(out var diagnostics).Should().BeFalse();
        var failure = rules.LastReload!;
        (failure.CompletedAt, failure.Succeeded, failure.Generation).Should().Be((Given.Now + Duration.FromMinutes(2), false, 2), "the kept generation serves");
        failure.Diagnostics.Should().Equal(diagnostics);
        failure.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.UnknownFactType && d.Location.File == file && d.Location.Line == 5);
        evaluator.Evaluate(facts).Decisions.Single().Topic.Should().Be("sales.v2", "a failed reload keeps the old rules");

        clock.Advance(Duration.FromMinutes(1));
        System.IO.File.WriteAllText(file, Given.TradeInRule(topic: "sales.v3"));
        rules.TryReload(out _).Should().BeTrue();
        var recovered = rules.LastReload!;
        (recovered.CompletedAt, recovered.Succeeded, recovered.Generation).Should().Be((Given.Now + Duration.FromMinutes(3), true, 3));
        recovered.Diagnostics.Should().BeEmpty();
        evaluator.Evaluate(facts).Decisions.Single().Topic.Should().Be("sales.v3");
    }

    [Test]
    public void LastReload_ReadFromAReloadFailedHandler_IsThatFailure()
    {
        using var folder = new TempFolder();
        var file = folder.Write("trade-in.yaml", Given.TradeInRule());
        using var provider = Services.Build(o => o.RulePaths.Add(folder.Path));
        var rules = provider.GetRequiredService<IEngagementRuleSetProvider>();
        RuleSetReloadStatus? seen = null;
        rules.ReloadFailed += (_, e) => seen = rules.LastReload;

        System.IO.File.WriteAllText(file, Given.BrokenRule);
        rules.TryReload(out _);

        seen.Should().NotBeNull().And.BeSameAs(rules.LastReload);
        seen!.Succeeded.Should().BeFalse();
    }

    [Test]
    public void RuleSetReloadStatus_CallerChangesItsListAfterwards_KeepsTheDiagnosticsGiven()
    {
        var warning = new RuleDiagnostic(DiagnosticCodes.EmptyFile, DiagnosticSeverity.Warning, new SourceLocation("a.yaml", 1, 1), "The file is empty.");
        var diagnostics = new System.Collections.Generic.List<RuleDiagnostic> { warning };

        var status = new RuleSetReloadStatus(Given.Now, true, 2, "f1", diagnostics);
        diagnostics.Clear();

        status.Diagnostics.Should().Equal(warning);
        status.Diagnostics.Should().NotBeAssignableTo<System.Collections.Generic.List<RuleDiagnostic>>();
    }

    [Test]
    public void RuleSetReloadStatus_InvalidArguments_Throw()
    {
        var noGeneration = () => new RuleSetReloadStatus(Given.Now, false, 0, null, []);
        var nullList = () => new RuleSetReloadStatus(Given.Now, false, 1, null, null!);
        var nullItem = () => new RuleSetReloadStatus(Given.Now, false, 1, null, [null!]);

        noGeneration.Should().Throw<System.ArgumentOutOfRangeException>().WithParameterName("generation");
        nullList.Should().Throw<System.ArgumentNullException>().WithParameterName("diagnostics");
        nullItem.Should().Throw<System.ArgumentNullException>().WithParameterName("diagnostics");
    }
}
