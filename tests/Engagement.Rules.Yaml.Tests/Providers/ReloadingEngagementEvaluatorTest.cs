using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Facts;
using Engagement.Rules.Policies;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Providers;
using NodaTime;
using NodaTime.Testing;

namespace Engagement.Rules.Yaml.Tests.Providers;

public sealed partial class ReloadingEngagementEvaluatorTest
{
    /// <summary>Wednesday 2026-06-10 10:00 in New York: inside every contact window.</summary>
    private static readonly Instant Now = Instant.FromUtc(2026, 6, 10, 14, 0);

    private static readonly IClock Clock = new FakeClock(Now);

    [Test]
    public void Evaluate_TheEmbeddingGuideExample_FollowsAFolderAndReportsFailures()
    {
        using var folder = new TempFolder();
        var file = folder.Write("offer.yaml", OfferRule("offer", "sales.before"));
        var clock = Clock;
        var policy = HoldOut("offer");
        var facts = Facts("C1");
        var failures = new List<string>();

        // docs/embedding.md, "Hot reload without dependency injection":
        using var rules = new FileSystemRuleSetProvider([folder.Path]);
        using var evaluator = new ReloadingEngagementEvaluator(rules, clock, policy);
        evaluator.ReloadFailed += (_, e) => failures.Add(string.Join("\n", e.Diagnostics.Select(d => d.Format())));
        var result = evaluator.Evaluate(facts);

        result.Decisions.Should().ContainSingle();
        System.IO.File.WriteAllText(file, OfferRule("renamed", "sales.after"));
        rules.TryReload().Should().BeTrue();
        failures.Should().Equal("PolicyOptions:1:1: error ER0052: Holdouts.RulePercents['offer']: no rule with this id.");
    }

    [Test]
    public void TryReload_ValidChange_EvaluatesWithTheNewRules()
    {
        using var folder = new TempFolder();
        var file = folder.Write("offer.yaml", OfferRule("offer", "sales.before"));
        using var provider = new FileSystemRuleSetProvider([folder.Path], reloadDelay: Duration.FromHours(1));
        using var evaluator = new ReloadingEngagementEvaluator(provider, Clock);
        RuleSetReloadedEventArgs? reloaded = null;
        evaluator.Reloaded += (_, e) => reloaded = e;
        Topic(evaluator).Should().Be("sales.before");

        System.IO.File.WriteAllText(file, OfferRule("offer", "sales.after"));
        provider.TryReload().Should().BeTrue();

        Topic(evaluator).Should().Be("sales.after");
        evaluator.Current.Should().BeSameAs(provider.Current);
        reloaded!.RuleSet.Should().BeSameAs(provider.Current);
    }

    [Test]
    public void Reload_PolicyNoLongerFits_KeepsTheOldRulesReportsER0052AndFollowsAFix()
    {
        using var folder = new TempFolder();
        var file = folder.Write("offer.yaml", OfferRule("offer", "sales.before"));
        using var provider = new FileSystemRuleSetProvider([folder.Path], reloadDelay: Duration.FromHours(1));
        using var evaluator = new ReloadingEngagementEvaluator(provider, Clock, HoldOut("offer"));
        var kept = evaluator.Current;
        var failures = new List<RuleSetReloadFailedEventArgs>();
        evaluator.ReloadFailed += (_, e) => failures.Add(e);

        System.IO.File.WriteAllText(file, OfferRule("offer-renamed", "sales.after"));
        provider.TryReload().Should().BeTrue("the provider loaded the files; the evaluator is the one that refuses them");

        evaluator.Current.Should().BeSameAs(kept, "a holdout that names a rule no longer there must not silently stop holding out");
        Topic(evaluator).Should().Be("sales.before");
        var mismatch = failures.Should().ContainSingle().Subject;
        mismatch.Kept.Should().BeSameAs(kept);
        mismatch.Diagnostics.Select(d => (d.Code, d.Severity, d.Location.File, d.Message)).Should().Equal(
            (DiagnosticCodes.PolicyMismatch, DiagnosticSeverity.Error, "PolicyOptions", "Holdouts.RulePercents['offer']: no rule with this id."));

        System.IO.File.WriteAllText(file, OfferRule("offer", "sales.fixed"));
        provider.TryReload().Should().BeTrue();

        Topic(evaluator).Should().Be("sales.fixed");
        failures.Should().ContainSingle("the fix is no failure");
    }

    [Test]
    public void Reload_TheProviderRejectsTheFiles_PassedOnWithTheRulesKept()
    {
        using var folder = new TempFolder();
        var file = folder.Write("offer.yaml", OfferRule("offer", "sales.before"));
        using var provider = new FileSystemRuleSetProvider([folder.Path], reloadDelay: Duration.FromHours(1));
        using var evaluator = new ReloadingEngagementEvaluator(provider, Clock);
        RuleSetReloadFailedEventArgs? failed = null;
        evaluator.ReloadFailed += (_, e) => failed = e;

        System.IO.File.WriteAllText(file, "apiVersion: engagement-rules/v1\nrules: [");
        provider.TryReload().Should().BeFalse();

        failed!.Diagnostics.Select(d => d.Code).Should().Equal(DiagnosticCodes.YamlSyntax);
        failed.Kept.Should().BeSameAs(evaluator.Current);
        Topic(evaluator).Should().Be("sales.before");
    }

    [Test]
    public void Reload_ToNoRules_IsRefusedWithER0051()
    {
        // A provider of the host's own, which does not refuse an empty set as FileSystemRuleSetProvider does.
        var provider = new PublishingProvider(Compile(OfferRule("offer", "sales.before")));
        using var evaluator = new ReloadingEngagementEvaluator(provider, Clock);
        var kept = evaluator.Current;
        RuleSetReloadFailedEventArgs? failed = null;
        evaluator.ReloadFailed += (_, e) => failed = e;

        provider.Publish(Compile("apiVersion: engagement-rules/v1\nrules: []"));

        evaluator.Current.Should().BeSameAs(kept);
        var refused = failed!.Diagnostics.Should().ContainSingle().Subject;
        (refused.Code, refused.Location.File).Should().Be((DiagnosticCodes.EmptyReload, "(reloaded rules)"));
        refused.Message.Should().StartWith("The reloaded rules are none; the current 1 rules stay in service");
        Topic(evaluator).Should().Be("sales.before");
    }

    [Test]
    public void Constructor_PolicyDoesNotFitTheCurrentRules_ThrowsAndLeavesTheProviderAlone()
    {
        var provider = new PublishingProvider(Compile(OfferRule("offer", "sales.before")));

        var act = () => new ReloadingEngagementEvaluator(provider, Clock, HoldOut("offr"));

        act.Should().Throw<PolicyOptionsException>().Which.Errors.Should().ContainSingle().Which.Should().Contain("'offr'");
        provider.Subscribers.Should().Be(0, "an evaluator that failed to start must not follow the provider");
    }

    [Test]
    public void Dispose_StopsFollowingAndKeepsEvaluating()
    {
        var provider = new PublishingProvider(Compile(OfferRule("offer", "sales.before")));
        var evaluator = new ReloadingEngagementEvaluator(provider, Clock);
        var kept = evaluator.Current;
        provider.Subscribers.Should().Be(2);

        evaluator.Dispose();
        evaluator.Dispose();
        provider.Publish(Compile(OfferRule("offer", "sales.after")));

        provider.Subscribers.Should().Be(0, "a disposed evaluator is no longer referenced by the provider");
        evaluator.Current.Should().BeSameAs(kept);
        Topic(evaluator).Should().Be("sales.before");
    }

    [Test]
    public void Constructor_NullArguments_ThrowNamingThem()
    {
        var provider = new PublishingProvider(Compile(OfferRule("offer", "sales.before")));

        ((Func<object>)(() => new ReloadingEngagementEvaluator(null!, Clock))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("rules");
        ((Func<object>)(() => new ReloadingEngagementEvaluator(provider, null!))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("clock");
    }

    internal static string OfferRule(string id, string topic) => $$"""
        apiVersion: engagement-rules/v1
        rules:
          - id: {{id}}
            when:
              - customer: Customer
            then:
              - touch: { kind: offer, class: marketing, topic: {{topic}}, reason: "An offer" }
        """;

    internal static CompiledRuleSet Compile(string yaml)
    {
        var result = new RuleFileLoader().LoadFromText("rules.yaml", yaml);
        result.Success.Should().BeTrue(result.FormatDiagnostics());
        RuleSetCompiler.TryCompile(result, "rules.yaml", out var rules, out var errors).Should().BeTrue(string.Join("\n", errors.Select(e => e.Format())));
        return rules!;
    }

    private static PolicyOptions HoldOut(string ruleId) =>
        PolicyOptions.Default with { Holdouts = new HoldoutOptions { RulePercents = new Dictionary<string, double> { [ruleId] = 0.01 } } };

    /// <summary>The topic of the one touch decided for customer C1 now.</summary>
    internal static string Topic(IEngagementEvaluator evaluator) => evaluator.Evaluate(Facts("C1"), Now).Decisions.Single().Topic;

    internal static CustomerFacts Facts(string id) => new(
        new Customer
        {
            CustomerId = id,
            FirstName = "Dana",
            LastName = "Reyes",
            TimeZoneId = "America/New_York",
            Jurisdiction = new Jurisdiction("US", "NY"),
            ContactPoints = new ContactPoints { Email = "dana@example.com" },
            PreferredChannels = [ContactChannel.Email],
            Consents = [new ConsentRecord { Channel = ContactChannel.Email, Purpose = ConsentPurpose.Marketing, Status = ConsentStatus.Granted, At = Instant.FromUtc(2025, 1, 1, 12, 0), Basis = ConsentBasis.Express }],
        },
        new Dealership { DealershipId = "D1", Name = "Hudson Motors", TimeZoneId = "America/New_York", Jurisdiction = new Jurisdiction("US", "NY") },
        []);

    /// <summary>A host's own provider: publishes whatever set it is given, as a reload would.</summary>
    internal sealed class PublishingProvider(CompiledRuleSet initial) : IRuleSetProvider
    {
        private CompiledRuleSet _current = initial;
        private EventHandler<RuleSetReloadedEventArgs>? _reloaded;
        private EventHandler<RuleSetReloadFailedEventArgs>? _reloadFailed;

        /// <summary>A set published right after the next read of <see cref="Current"/>, before the reader goes on.</summary>
        public CompiledRuleSet? PublishAfterNextRead { get; set; }

        public CompiledRuleSet Current
        {
            get
            {
                var current = System.Threading.Volatile.Read(ref _current);
                if (PublishAfterNextRead is { } next)
                {
                    PublishAfterNextRead = null;
                    Publish(next);
                }

                return current;
            }
        }

        public int Subscribers => (_reloaded?.GetInvocationList().Length ?? 0) + (_reloadFailed?.GetInvocationList().Length ?? 0);

        public event EventHandler<RuleSetReloadedEventArgs>? Reloaded
        {
            add => _reloaded += value;
            remove => _reloaded -= value;
        }

        public event EventHandler<RuleSetReloadFailedEventArgs>? ReloadFailed
        {
            add => _reloadFailed += value;
            remove => _reloadFailed -= value;
        }

        public void Publish(CompiledRuleSet next)
        {
            System.Threading.Volatile.Write(ref _current, next);
            _reloaded?.Invoke(this, new RuleSetReloadedEventArgs(next, []));
        }
    }
}
