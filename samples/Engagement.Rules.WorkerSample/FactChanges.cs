using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Engagement.Rules.WorkerSample;

/// <summary>
/// Customers whose facts changed (a repair order closed, an appraisal came in): the host writes here and the worker
/// re-evaluates each one at once. Bounded, so a burst of changes slows the writer instead of growing memory.
/// </summary>
public sealed class FactChanges
{
    private readonly Channel<CustomerFacts> _channel = Channel.CreateBounded<CustomerFacts>(new BoundedChannelOptions(1024) { SingleReader = true });

    /// <summary>Queues a customer's new facts for evaluation.</summary>
    public ValueTask PublishAsync(CustomerFacts facts, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(facts, cancellationToken);

    /// <summary>The changes, as they come.</summary>
    public IAsyncEnumerable<CustomerFacts> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
