"""Credits: the balance, the usage history page by page (or every page at once), the stats."""

from _corex import corex

from zaguan import ZaguanClient

with corex(), ZaguanClient() as client:
    for word in ["one", "two", "three"]:
        client.chat(model="openai/gpt-4o-mini", messages=[{"role": "user", "content": word}])

    balance = client.get_credits_balance()
    print(f"{balance.credits_remaining} of {balance.credits_total} credits, tier {balance.tier}")

    # One page at a time, following the cursor.
    page = client.get_credits_history(limit=2)
    pages = 1
    while page.has_more and page.next_cursor:
        page = client.get_credits_history(limit=2, cursor=page.next_cursor)
        pages += 1
    print("pages of 2:", pages)

    # Or every entry, the pages fetched as the loop needs them.
    for entry in client.iter_credits_history(model="openai/gpt-4o-mini"):
        print(entry.request_id, entry.model, entry.credits_debited)

    stats = client.get_credits_stats(period="day")
    print("requests today:", stats.total_requests, "credits:", stats.total_credits_used)
