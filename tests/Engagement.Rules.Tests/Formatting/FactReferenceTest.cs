using System;
using Engagement.Rules.Decisions;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Tests.Support;
using NodaTime;

namespace Engagement.Rules.Tests.Formatting;

public sealed class FactReferenceTest
{
    [Test]
    public void Of_FactWithIdentity_NamesItByTypeAndId()
    {
        FactReference.Of(Given.Vehicle(Given.Vin1)).Should().Be(new FactReference("Vehicle", Given.Vin1));
        FactReference.Of(Given.Customer("C7")).ToString().Should().Be("Customer C7");
    }

    [Test]
    public void Of_EvaluationContext_NamesItsLocalTimeAndZone()
    {
        var context = new EvaluationContext(Given.Now, DateTimeZoneProviders.Tzdb["America/New_York"]);

        FactReference.Of(context).Identity.Should().Contain("2026-06-10").And.Contain("America/New_York");
    }

    [Test]
    public void Of_Null_Throws()
    {
        var act = () => FactReference.Of(null!);

        act.Should().Throw<ArgumentNullException>();
    }
}
