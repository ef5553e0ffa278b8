using System.Collections.Generic;

namespace Engagement.Rules.Engine.Tests.Errors;

public sealed class RuleCompilationExceptionTest
{
    [Test]
    public void Errors_CallerChangesItsListAfterwards_KeepsTheErrorsGiven()
    {
        var errors = new List<RuleCompilationError> { new("r1", "too deep") };

        var exception = new RuleCompilationException(errors);
        errors.Add(new RuleCompilationError("r2", "added later"));

        exception.Errors.Should().Equal(new RuleCompilationError("r1", "too deep"));
        exception.Errors.Should().NotBeAssignableTo<List<RuleCompilationError>>();
    }
}
