using System;
using System.Threading;
using System.Threading.Tasks;
using Engagement.Rules.Engine;
using Engagement.Rules.Yaml.Providers;

namespace Engagement.Rules.Yaml.Tests.Providers;

/// <summary>
/// A host's provider may well guard its set and raise its events under one lock of its own: the evaluator must never
/// hold its gate while it calls the provider, or a reload on another thread deadlocks with it (lock-order inversion).
/// </summary>
public sealed partial class ReloadingEngagementEvaluatorTest
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Test]
    public void Constructor_ProviderReloadsUnderItsLockMeanwhile_DoesNotDeadlockAndFollowsTheReload()
    {
        var next = Compile(OfferRule("offer", "sales.after"));
        var provider = new LockingProvider(Compile(OfferRule("offer", "sales.before")));
        Task? reload = null;

        // The moment the evaluator subscribes, a reload starts on another thread and takes the provider's lock.
        provider.OnSubscribe = () =>
        {
            provider.OnSubscribe = null;
            reload = Task.Run(() => provider.Publish(next));
            provider.InReload.Wait(HangGuard).Should().BeTrue("the reload starts");
        };

        var construct = Task.Run(() => new ReloadingEngagementEvaluator(provider, Clock));

        construct.Wait(HangGuard).Should().BeTrue("the constructor must not wait on the provider while holding its own gate");
        reload!.Wait(HangGuard).Should().BeTrue("the reload must not wait on an evaluator that waits on the provider");
        using var evaluator = construct.Result;
        evaluator.Current.Should().BeSameAs(next, "a reload raised while the evaluator was being created is followed, not missed");
        Topic(evaluator).Should().Be("sales.after");
    }

    [Test]
    public void Dispose_ProviderReloadsUnderItsLockMeanwhile_DoesNotDeadlock()
    {
        var provider = new LockingProvider(Compile(OfferRule("offer", "sales.before")));
        var evaluator = new ReloadingEngagementEvaluator(provider, Clock);
        Task? reload = null;

        // The moment the evaluator unsubscribes, a reload starts on another thread and takes the provider's lock.
        provider.OnUnsubscribe = () =>
        {
            provider.OnUnsubscribe = null;
            reload = Task.Run(() => provider.Publish(Compile(OfferRule("offer", "sales.after"))));
            provider.InReload.Wait(HangGuard).Should().BeTrue("the reload starts");
        };

        var dispose = Task.Run(evaluator.Dispose);

        dispose.Wait(HangGuard).Should().BeTrue("Dispose must not call the provider while holding its own gate");
        reload!.Wait(HangGuard).Should().BeTrue("the reload must not wait on an evaluator that waits on the provider");
        provider.Subscribers.Should().Be(0);
        Topic(evaluator).Should().Be("sales.before", "a reload raised while it was disposing is not followed");
    }

    /// <summary>A host's provider that serves its set, takes handlers and raises its events under one lock.</summary>
    private sealed class LockingProvider(CompiledRuleSet initial) : IRuleSetProvider
    {
        private readonly Lock _lock = new();
        private CompiledRuleSet _current = initial;
        private EventHandler<RuleSetReloadedEventArgs>? _reloaded;
        private EventHandler<RuleSetReloadFailedEventArgs>? _reloadFailed;

        public Action? OnSubscribe { get; set; }

        public Action? OnUnsubscribe { get; set; }

        public ManualResetEventSlim InReload { get; } = new();

        public CompiledRuleSet Current
        {
            get
            {
                lock (_lock)
                {
                    return _current;
                }
            }
        }

        public int Subscribers
        {
            get
            {
                lock (_lock)
                {
                    return (_reloaded?.GetInvocationList().Length ?? 0) + (_reloadFailed?.GetInvocationList().Length ?? 0);
                }
            }
        }

        public event EventHandler<RuleSetReloadedEventArgs>? Reloaded
        {
            add
            {
                lock (_lock)
                {
                    _reloaded += value;
                }

                OnSubscribe?.Invoke();
            }

            remove
            {
                OnUnsubscribe?.Invoke();
                lock (_lock)
                {
                    _reloaded -= value;
                }
            }
        }

        public event EventHandler<RuleSetReloadFailedEventArgs>? ReloadFailed
        {
            add
            {
                lock (_lock)
                {
                    _reloadFailed += value;
                }
            }

            remove
            {
                lock (_lock)
                {
                    _reloadFailed -= value;
                }
            }
        }

        public void Publish(CompiledRuleSet next)
        {
            lock (_lock)
            {
                _current = next;
                InReload.Set();
                _reloaded?.Invoke(this, new RuleSetReloadedEventArgs(next, []));
            }
        }
    }
}
