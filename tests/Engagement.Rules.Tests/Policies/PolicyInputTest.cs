using System;
using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using Engagement.Rules.Policies;
using Engagement.Rules.Policies.Pipeline;
using NodaTime;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Policies;

public sealed class PolicyInputTest
{
    [Test]
    public void History_ReversedOrShuffled_IsSortedAsTheInOrderHistory()
    {
        // 300 touches over 100 instants: three share each instant, so the touch id decides among them.
        var inOrder = Enumerable.Range(0, 300)
            .Select(i => Sent($"T{i % 3}-{i / 3:D3}", TouchClass.Marketing, "m", LongAgo + Duration.FromHours(i / 3)))
            .OrderBy(t => t.SentAt).ThenBy(t => t.TouchId, StringComparer.Ordinal)
            .ToArray();
        var shuffled = inOrder.ToArray();
        new Random(20261125).Shuffle(shuffled);

        var expected = inOrder.Select(t => t.TouchId).ToArray();
        History(inOrder).Select(t => t.TouchId).Should().Equal(expected);
        History(inOrder.Reverse().ToArray()).Select(t => t.TouchId).Should().Equal(expected, "newest first, as ORDER BY sent_at DESC gives it");
        History(shuffled).Select(t => t.TouchId).Should().Equal(expected);
    }

    [Test]
    public void History_SameInstantAndId_KeepsTheListedOrder()
    {
        // Not possible through CustomerFacts (one identity per fact), but the policies must not depend on the sort's whims.
        var first = Sent("T1", TouchClass.Marketing, "first", LongAgo);
        var second = Sent("T1", TouchClass.Marketing, "second", LongAgo);
        var later = Sent("T0", TouchClass.Marketing, "later", LongAgo + Duration.FromDays(1));

        History(later, first, second).Select(t => t.Topic).Should().Equal("first", "second", "later");
        History(later, second, first).Select(t => t.Topic).Should().Equal("second", "first", "later");
        History(first, second, later).Select(t => t.Topic).Should().Equal("first", "second", "later");
    }

    private static TouchSent[] History(params TouchSent[] touches)
        => new PolicyInput(Customer(), Dealership(), touches, Now, PolicyOptions.Default).History;
}
