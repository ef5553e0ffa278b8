using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Engagement.Rules.Yaml.Providers;

namespace Engagement.Rules.Yaml.Tests.Providers;

public sealed partial class ReloadingEngagementEvaluatorTest
{
    [Test]
    public void Evaluate_DuringReloads_EachEvaluationRunsOnOneWholeSetAndNoneGoesBack()
    {
        const int Sets = 40;
        var sets = Enumerable.Range(0, Sets).Select(k => Compile(OfferRule("offer", string.Create(CultureInfo.InvariantCulture, $"sales.set{k}")))).ToArray();
        var provider = new PublishingProvider(sets[0]);
        using var evaluator = new ReloadingEngagementEvaluator(provider, Clock, HoldOut("offer"));
        var failures = new ConcurrentQueue<string>();
        using var reloadsDone = new ManualResetEventSlim();

        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            // Each thread sees the sets in publication order: a swap is never undone, and never half done (a topic of
            // a set that was never published, or a result with no decision, would show it).
            var last = 0;
            do
            {
                var topic = Topic(evaluator);
                var set = int.Parse(topic["sales.set".Length..], CultureInfo.InvariantCulture);
                if (set < last)
                {
                    failures.Enqueue($"set {set} after set {last}");
                }

                last = set;
            }
            while (!reloadsDone.IsSet);
            return last;
        })).ToArray();

        foreach (var set in sets.Skip(1))
        {
            provider.Publish(set);
        }

        reloadsDone.Set();
        Task.WaitAll(readers);

        failures.Should().BeEmpty();
        evaluator.Current.Should().BeSameAs(sets[^1]);
        Topic(evaluator).Should().Be($"sales.set{Sets - 1}");
    }
}
