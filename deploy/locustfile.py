"""Staging load test with the runbook's user mix (emergency-api-scaling: Locust).

Run:  BUYWHERE_API_KEY=... locust -f deploy/locustfile.py --host=http://127.0.0.1:8000 \
          --users=50 --spawn-rate=5 --run-time=30s --headless --csv=/tmp/staging_baseline

An agent-like mix: mostly searches, then product detail, deals, compare, price history and
categories. Product ids come from search results so every request hits real rows.
"""
import os
import random

from locust import HttpUser, between, task

QUERIES = ["headphones", "wireless headphones", "laptop", "tv", "samsung", "iphone",
           "vacuum", "camera", "sony wh-1000xm5", "coffee maker", "monitor", "speaker"]


class AgentUser(HttpUser):
    wait_time = between(0.1, 0.5)

    def on_start(self):
        key = os.environ.get("BUYWHERE_API_KEY")
        if not key:
            resp = self.client.post("/v1/auth/register", json={"agent_name": "locust-load-test"},
                                    name="/v1/auth/register")
            key = resp.json().get("api_key", "") if resp.status_code == 201 else ""
        self.client.headers["Authorization"] = f"Bearer {key}"
        self.ids = []

    def _remember(self, resp):
        if resp.status_code == 200:
            self.ids = [p["id"] for p in resp.json().get("data", []) if "id" in p] or self.ids

    @task(10)
    def search(self):
        q = random.choice(QUERIES)
        with self.client.get("/v1/products/search", params={"q": q, "limit": 20, "country_code": random.choice(["SG", "US"])},
                             name="/v1/products/search", catch_response=True) as resp:
            self._remember(resp)

    @task(4)
    def product(self):
        if self.ids:
            self.client.get(f"/v1/products/{random.choice(self.ids)}", name="/v1/products/{id}")

    @task(3)
    def deals(self):
        self.client.get("/v1/products/deals", params={"min_discount": 10}, name="/v1/products/deals")

    @task(2)
    def compare(self):
        if len(self.ids) >= 2:
            self.client.get("/v1/products/compare", params={"ids": ",".join(self.ids[:3])},
                            name="/v1/products/compare")

    @task(2)
    def prices(self):
        if self.ids:
            self.client.get(f"/v1/products/{random.choice(self.ids)}/prices", params={"days": 30},
                            name="/v1/products/{id}/prices")

    @task(1)
    def categories(self):
        self.client.get("/v1/categories", name="/v1/categories")
