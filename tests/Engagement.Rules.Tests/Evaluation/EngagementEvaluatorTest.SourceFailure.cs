using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using Engagement.Rules.Decisions;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

/// <summary>
/// A host's source that fails part-way (a bad facts line, a lost connection): the customers read before it are
/// evaluated and yielded in order, then the source's own exception comes out; no evaluation is left unobserved.
/// </summary>
public sealed partial class EngagementEvaluatorTest
{
    [Test]
    public async Task EvaluateAsync_SourceThrowsAfterNCustomers_YieldsTheirResultsInOrderThenRethrows(
        [Values(1, 2, 8)] int parallelism,
        [Values(0, 1, 3, 9)] int failAfter)
    {
        var evaluator = Evaluator(null, VariedRules);
        var customers = Enumerable.Range(0, 12).Select(VariedCustomer).ToArray();
        var expected = customers.Take(failAfter).Select(c => Summary(evaluator.Evaluate(c, Now))).ToArray();
        var failure = new InvalidOperationException("facts line " + (failAfter + 1) + " is malformed");

        var (results, error) = await Drain(evaluator.EvaluateAsync(FailingSource(customers, failAfter, failure), parallelism, CancellationToken.None));

        results.Select(Summary).Should().Equal(expected);
        error.Should().BeSameAs(failure, "the host's own exception (with its location) must reach it unchanged");
    }

    [Test]
    public async Task EvaluateAsync_SourceYieldsNull_YieldsTheCustomersBeforeItThenSaysWhichItem()
    {
        // Before: "Value cannot be null. (Parameter 'facts')" from inside the batch, not saying which item.
        var evaluator = Evaluator(null, VariedRules);
        var customers = new[] { VariedCustomer(0), VariedCustomer(1), null!, VariedCustomer(3) };

        var (results, error) = await Drain(evaluator.EvaluateAsync(customers.ToAsyncEnumerable(), 2, CancellationToken.None));

        results.Select(r => r.CustomerId).Should().Equal(customers[0].Customer.CustomerId, customers[1].Customer.CustomerId);
        error.Should().BeOfType<ArgumentException>().Which.Message.Should().StartWith("The customers' source yielded null as item 3 (1-based)");
    }

    [Test]
    public void EvaluateAsync_SourceThrowsAtAnyPoint_YieldsExactlyTheCustomersBeforeIt()
    {
        var evaluator = Evaluator(null, (facts, context) =>
        {
            // Uneven work, so later customers often finish before earlier ones.
            Thread.SpinWait((facts.Customer.CustomerId.Length * 7919 % 5) * 2_000);
            return VariedRules(facts, context);
        });
        var customers = Enumerable.Range(0, 25).Select(VariedCustomer).ToArray();
        var expected = customers.Select(c => Summary(evaluator.Evaluate(c, Now))).ToArray();

        Gen.Select(Gen.Int[0, customers.Length], Gen.Int[1, 8]).SampleAsync(
            async (failAfter, parallelism) =>
            {
                var failure = new InvalidOperationException("source failed after " + failAfter);

                var (results, error) = await Drain(evaluator.EvaluateAsync(FailingSource(customers, failAfter, failure), parallelism, CancellationToken.None));

                results.Select(Summary).Should().Equal(expected.Take(failAfter));
                error.Should().BeSameAs(failure);
            },
            iter: 200,
            threads: 1).GetAwaiter().GetResult();
    }

    [Test]
    public async Task EvaluateAsync_SourceCancelled_StopsWithOperationCanceledWithoutDraining()
    {
        var evaluator = Evaluator(null, VariedRules);
        var customers = Enumerable.Range(0, 12).Select(VariedCustomer).ToArray();
        using var cancellation = new CancellationTokenSource();
        var taken = 0;

        var act = async () =>
        {
            await foreach (var result in evaluator.EvaluateAsync(FailingSource(customers, 6, null, cancellation), 2, cancellation.Token))
            {
                taken++;
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        taken.Should().BeLessThan(6, "a cancelled batch does not go on yielding the customers still in flight");
    }

    [Test]
    public async Task EvaluateAsync_SourceThrowsOrConsumerStops_LeavesNoEvaluationUnobserved(
        [Values(1, 2, 8)] int parallelism,
        [Values] bool consumerStops)
    {
        var marker = "unobserved-" + Guid.NewGuid().ToString("N");
        var unobserved = 0;
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            if (e.Exception.Flatten().InnerExceptions.Any(x => x.Message.Contains(marker, StringComparison.Ordinal)))
            {
                Interlocked.Increment(ref unobserved);
            }
        }

        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            await RunAndForget(marker, parallelism, consumerStops);
            for (var round = 0; round < 5 && Volatile.Read(ref unobserved) == 0; round++)
            {
                // A forgotten evaluation reports its exception only when it is collected.
                await Task.Delay(20);
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }

        unobserved.Should().Be(0);
    }

    /// <summary>
    /// Every customer after the first fails outside the evaluator's own error handling (an exception that is not
    /// an evaluation failure), so an evaluation the enumeration forgets would end as an unobserved faulted task.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task RunAndForget(string marker, int parallelism, bool consumerStops)
    {
        var evaluator = Evaluator(null, (facts, context) => facts.Customer.CustomerId.EndsWith('0')
            ? VariedRules(facts, context)
            : throw new OperationCanceledException(marker));
        var customers = Enumerable.Range(0, 9).Select(VariedCustomer).ToArray();
        var source = consumerStops
            ? FailingSource(customers, customers.Length, null)
            : FailingSource(customers, parallelism, new InvalidOperationException("source failed"));
        try
        {
            await foreach (var result in evaluator.EvaluateAsync(source, parallelism, CancellationToken.None))
            {
                if (consumerStops)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static async Task<(List<EngagementResult> Results, Exception? Error)> Drain(IAsyncEnumerable<EngagementResult> source)
    {
        var results = new List<EngagementResult>();
        try
        {
            await foreach (var result in source)
            {
                results.Add(result);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return (results, ex);
        }

        return (results, null);
    }

    /// <summary>Yields the first <paramref name="count"/> customers, then throws <paramref name="failure"/> (if any).</summary>
    private static async IAsyncEnumerable<CustomerFacts> FailingSource(
        CustomerFacts[] customers,
        int count,
        Exception? failure,
        CancellationTokenSource? cancelBeforeFailing = null)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return customers[i];
        }

        await Task.Yield();
        if (cancelBeforeFailing is not null)
        {
            // As a source that honours the token does: cancelled, it stops with OperationCanceledException.
            await cancelBeforeFailing.CancelAsync();
            cancelBeforeFailing.Token.ThrowIfCancellationRequested();
        }

        if (failure is not null)
        {
            throw failure;
        }
    }
}
