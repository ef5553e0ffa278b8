using System;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

/// <summary>Host fact types whose members throw: the constructor names the fact, as for any other bad fact.</summary>
public sealed partial class CustomerFactsTest
{
    [Test]
    public void Create_HostFactWhoseCustomerIdThrows_IsAnArgumentErrorNamingTheFact()
    {
        // Before: a bare TargetInvocationException ("Exception has been thrown by the target of an invocation").
        var act = () => FactsOf(null, null, Vehicle(), new ThrowingOwner());

        var error = act.Should().Throw<ArgumentException>().Which;
        error.Message.Should().StartWith("Facts[1] (a ThrowingOwner) of customer 'C1' threw InvalidOperationException when its customer or VIN was read: no owner");
        error.ParamName.Should().Be("facts");
        error.InnerException.Should().BeOfType<InvalidOperationException>();
    }

    [Test]
    public void Create_HostFactWhoseIdentityHashThrows_IsAnArgumentErrorNamingTheFact()
    {
        var act = () => FactsOf(null, null, new UnhashableIdentity());

        act.Should().Throw<ArgumentException>().Which.Message.Should()
            .StartWith("Facts[0] (a UnhashableIdentity) of customer 'C1' threw NotSupportedException when its identity (FactIdentity, its Equals or GetHashCode) was read: no hash");
    }

    [Test]
    public void Create_HostFactWhoseIdentityThrowsAnArgumentException_IsNamedToo()
    {
        // An ArgumentException from the host's own code went out as it was, without naming the fact.
        var act = () => FactsOf(null, null, new ArgumentThrowingIdentity());

        var error = act.Should().Throw<ArgumentException>().Which;
        error.Message.Should().StartWith("Facts[0] (a ArgumentThrowingIdentity) of customer 'C1' threw ArgumentException when its identity (FactIdentity, its Equals or GetHashCode) was read: bad key");
        error.ParamName.Should().Be("facts");
        error.InnerException.Should().BeOfType<ArgumentException>();
    }

    private sealed class ArgumentThrowingIdentity : Engine.IFactIdentity
    {
        public object FactIdentity => throw new ArgumentException("bad key");
    }

    private sealed class ThrowingOwner
    {
        private readonly string? _owner = Environment.GetEnvironmentVariable("ENGAGEMENT_RULES_TEST_NO_SUCH_VARIABLE");

        public string CustomerId => _owner ?? throw new InvalidOperationException("no owner");
    }

    private sealed class UnhashableIdentity : Engine.IFactIdentity
    {
        public object FactIdentity { get; } = new Unhashable();
    }

    private sealed class Unhashable
    {
        public override int GetHashCode() => throw new NotSupportedException("no hash");

        public override bool Equals(object? obj) => ReferenceEquals(this, obj);
    }
}
