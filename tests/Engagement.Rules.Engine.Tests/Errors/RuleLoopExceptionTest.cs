using System.Collections.Generic;

namespace Engagement.Rules.Engine.Tests.Errors;

public sealed class RuleLoopExceptionTest
{
    [Test]
    public void RuleIds_CallerChangesItsListAfterwards_KeepsTheIdsGiven()
    {
        var ids = new List<string> { "ping", "pong" };

        var exception = new RuleLoopException(10, ids);
        ids.Clear();

        exception.RuleIds.Should().Equal("ping", "pong");
        exception.Message.Should().Contain("ping, pong");
    }
}
