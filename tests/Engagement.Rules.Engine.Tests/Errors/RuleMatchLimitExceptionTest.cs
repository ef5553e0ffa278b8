using System.Collections.Generic;

namespace Engagement.Rules.Engine.Tests.Errors;

public sealed class RuleMatchLimitExceptionTest
{
    [Test]
    public void RuleIds_CallerChangesItsListAfterwards_KeepsTheIdsGiven()
    {
        var ids = new List<string> { "cross-product" };

        var exception = new RuleMatchLimitException(100, ids);
        ids[0] = "other";

        exception.RuleIds.Should().Equal("cross-product");
    }
}
