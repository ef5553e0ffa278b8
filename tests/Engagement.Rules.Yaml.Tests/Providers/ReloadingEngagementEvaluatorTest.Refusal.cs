using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Providers;

namespace Engagement.Rules.Yaml.Tests.Providers;

/// <summary>
/// LastRefusal: why the evaluator does not evaluate with the provider's latest rules, also for a reload refused while
/// its constructor ran, which no ReloadFailed handler can have seen.
/// </summary>
public sealed partial class ReloadingEngagementEvaluatorTest
{
    [Test]
    public void Constructor_EmptyReloadRaisedWhileItRuns_KeepsTheRulesItReadAndLastRefusalSaysER0051()
    {
        var initial = Compile(OfferRule("offer", "sales.before"));
        var provider = new PublishingProvider(initial);
        var empty = Compile("apiVersion: engagement-rules/v1\nrules: []");

        // The reload comes after the constructor read the provider's set, before it set its own.
        provider.PublishAfterNextRead = empty;
        using var evaluator = new ReloadingEngagementEvaluator(provider, Clock);

        provider.Current.Should().BeSameAs(empty);
        evaluator.Current.Should().BeSameAs(initial, "an empty reload is refused while rules are in service");
        var refused = evaluator.LastRefusal.Should().ContainSingle("the host must be able to know from the start").Subject;
        (refused.Code, refused.Location.File).Should().Be((DiagnosticCodes.EmptyReload, "(reloaded rules)"));
    }

    [Test]
    public void Constructor_ReloadThePolicyDoesNotFitRaisedWhileItRuns_KeepsTheRulesItReadAndLastRefusalSaysER0052()
    {
        var initial = Compile(OfferRule("offer", "sales.before"));
        var provider = new PublishingProvider(initial);

        provider.PublishAfterNextRead = Compile(OfferRule("offer-renamed", "sales.after"));
        using var evaluator = new ReloadingEngagementEvaluator(provider, Clock, HoldOut("offer"));

        evaluator.Current.Should().BeSameAs(initial);
        Topic(evaluator).Should().Be("sales.before");
        evaluator.LastRefusal!.Select(d => (d.Code, d.Message)).Should().Equal(
            (DiagnosticCodes.PolicyMismatch, "Holdouts.RulePercents['offer']: no rule with this id."));
    }

    [Test]
    public void Constructor_ReloadRaisedWhileItRunsAndFollowed_LastRefusalIsNull()
    {
        var provider = new PublishingProvider(Compile(OfferRule("offer", "sales.before")));
        var next = Compile(OfferRule("offer", "sales.after"));

        provider.PublishAfterNextRead = next;
        using var evaluator = new ReloadingEngagementEvaluator(provider, Clock);

        evaluator.Current.Should().BeSameAs(next);
        evaluator.LastRefusal.Should().BeNull();
    }

    [Test]
    public void LastRefusal_ReloadRefusedThenOneFollowed_IsWhatReloadFailedCarriedThenNull()
    {
        var provider = new PublishingProvider(Compile(OfferRule("offer", "sales.before")));
        using var evaluator = new ReloadingEngagementEvaluator(provider, Clock, HoldOut("offer"));
        var failures = new List<RuleSetReloadFailedEventArgs>();
        evaluator.ReloadFailed += (_, e) => failures.Add(e);
        evaluator.LastRefusal.Should().BeNull("nothing was refused yet");

        provider.Publish(Compile(OfferRule("offer-renamed", "sales.after")));

        evaluator.LastRefusal.Should().Equal(failures.Should().ContainSingle().Subject.Diagnostics);

        provider.Publish(Compile(OfferRule("offer", "sales.fixed")));

        Topic(evaluator).Should().Be("sales.fixed");
        evaluator.LastRefusal.Should().BeNull("it follows the provider again");
    }
}
