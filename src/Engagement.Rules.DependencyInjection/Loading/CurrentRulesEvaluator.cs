using System.Collections.Generic;
using System.Threading;
using Engagement.Rules.Decisions;
using NodaTime;

namespace Engagement.Rules.DependencyInjection;

/// <summary>
/// The registered evaluator: each call takes the provider's current generation once and runs on it to the end, so
/// a reload never changes the rules under a running evaluation (a batch runs wholly on the set it started with).
/// </summary>
internal sealed class CurrentRulesEvaluator(RuleSetProvider provider) : IEngagementEvaluator
{
    public EngagementResult Evaluate(CustomerFacts facts) => provider.Snapshot().Evaluator.Evaluate(facts);

    public EngagementResult Evaluate(CustomerFacts facts, Instant at) => provider.Snapshot().Evaluator.Evaluate(facts, at);

    public IAsyncEnumerable<EngagementResult> EvaluateAsync(IAsyncEnumerable<CustomerFacts> customers, int maxDegreeOfParallelism, CancellationToken cancellationToken = default) =>
        provider.Snapshot().Evaluator.EvaluateAsync(customers, maxDegreeOfParallelism, cancellationToken);

    public EngagementForecast Forecast(CustomerFacts facts, Instant from, int days) => provider.Snapshot().Evaluator.Forecast(facts, from, days);
}
