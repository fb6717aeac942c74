// read/root/papers.count: papers matching every filter given. The search starts
// from the topic or organization when one is given (a few thousand papers, not all of them).
{%match read/root/papers%}
RETURN count(p) AS total
