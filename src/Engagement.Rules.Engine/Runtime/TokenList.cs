namespace Engagement.Rules.Engine.Runtime;

/// <summary>A beta memory: the tokens a node produced, in creation order, with O(1) removal.</summary>
internal sealed class TokenList
{
    public Token? Head;
    public Token? Tail;
    public int Count;

    public void Clear()
    {
        Head = null;
        Tail = null;
        Count = 0;
    }

    public void Add(Token token)
    {
        token.PrevInMemory = Tail;
        token.NextInMemory = null;
        if (Tail is null)
        {
            Head = token;
        }
        else
        {
            Tail.NextInMemory = token;
        }

        Tail = token;
        Count++;
    }

    public void Remove(Token token)
    {
        if (token.PrevInMemory is null)
        {
            Head = token.NextInMemory;
        }
        else
        {
            token.PrevInMemory.NextInMemory = token.NextInMemory;
        }

        if (token.NextInMemory is null)
        {
            Tail = token.PrevInMemory;
        }
        else
        {
            token.NextInMemory.PrevInMemory = token.PrevInMemory;
        }

        // Keep NextInMemory so an iteration standing on a removed token can still move on.
        token.PrevInMemory = null;
        Count--;
    }
}
