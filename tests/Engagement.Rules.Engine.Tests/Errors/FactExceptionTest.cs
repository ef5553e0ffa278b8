using System;
using Engagement.Rules.Engine.Tests.Sessions;

namespace Engagement.Rules.Engine.Tests.Errors;

public sealed class FactExceptionTest
{
    [Test]
    public void Constructor_FactThenMessage_KeepsBoth()
    {
        // Context first, then the message, as every exception of the library takes them (review 4 #35).
        var fact = new Customer(7);

        var exception = new FactException(fact, "The fact Customer 7 is already in the session.");

        exception.Fact.Should().BeSameAs(fact);
        exception.Message.Should().Be("The fact Customer 7 is already in the session.");
        exception.Should().BeAssignableTo<InvalidOperationException>();
    }

    [Test]
    public void Insert_DuplicateFact_CarriesTheFactAndNamesIt()
    {
        var fact = new Customer(7);
        using var session = RuleCompiler.Compile([]).CreateSession();
        session.Insert(fact);

        var exception = session.Invoking(s => s.Insert(fact)).Should().Throw<FactException>().Which;

        exception.Fact.Should().BeSameAs(fact);
        exception.Message.Should().Contain("already in the session");
    }
}
