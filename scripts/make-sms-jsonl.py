#!/usr/bin/env python3
"""Write a synthetic JSON Lines file of single SMS for timing `credeau extract --sms`.

Usage: scripts/make-sms-jsonl.py OUT.jsonl [--sms N] [--users N] [--seed S]

Each line is one SMS object with its user, client, request and sync time, the shape of JSON Lines
exports of messages. Bodies come from bank, card, UPI, wallet, loan, OTP and promotional
templates with random amounts, accounts and dates; 5 % of the SMS are sent again under a new id,
as re-syncs do. The output is the same for the same arguments.
"""
import argparse
import json
import random

SENDERS = ["VM-HDFCBK", "AX-ICICIB", "JD-SBIINB", "VK-AXISBK", "BZ-KOTAKB", "AD-PAYTMB", "VM-AMZPAY",
           "TX-BAJAJF", "JM-FLPKRT", "VM-SWIGGY"]
TEMPLATES = [
    "Rs {amount} debited from A/c XX{account} on {date} to VPA {party}@okaxis. UPI Ref {ref}. Not you? Call 18002586161",
    "INR {amount} credited to A/c no. XX{account} on {date} by NEFT from {party}. Avl Bal INR {balance}",
    "Your Credit Card XX{account} was used for INR {amount} at {party} on {date}. Avl limit INR {balance}",
    "EMI of Rs {amount} for loan A/c {ref} is due on {date}. Please keep sufficient balance in A/c XX{account}",
    "{otp} is your OTP for a transaction of Rs {amount} at {party}. Do not share it with anyone.",
    "Dear Customer, salary of Rs {amount} credited to A/c XX{account} on {date}. Avl Bal Rs {balance}",
    "Rs {amount} added to your wallet on {date}. Wallet balance Rs {balance}. Txn ID {ref}",
    "Get flat {percent}% off on {party} orders today! Use code SAVE{percent}. T&C apply.",
]
PARTIES = ["FRESHMART", "RAVI KUMAR", "DECATHLON", "ZOMATO", "IRCTC", "BIGBASKET", "ANITA SHARMA", "RELIANCE"]
SYNC_MILLIS = 1_773_599_399_000  # 2026-03-15 23:59:59 IST
DAY_MILLIS = 86_400_000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--sms", type=int, default=200_000)
    parser.add_argument("--users", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    rng = random.Random(options.seed)

    per_user = max(1, options.sms // options.users)
    written = 0
    with open(options.output, "w", encoding="utf-8") as out:
        for user in range(options.users):
            user_id = f"cu-{user + 1:06d}"
            originals = []
            for index in range(per_user):
                if written >= options.sms:
                    break
                if originals and rng.random() < 0.05:
                    record = dict(rng.choice(originals))
                    record["sms_id"] = f"{user_id}-r{index}"
                else:
                    inbox = SYNC_MILLIS - rng.randrange(180 * DAY_MILLIS)
                    body = rng.choice(TEMPLATES).format(
                        amount=f"{rng.randrange(10, 250_000)}.{rng.randrange(100):02d}",
                        account=f"{rng.randrange(10_000):04d}", date="05-03-26", party=rng.choice(PARTIES),
                        ref=str(rng.randrange(10**11, 10**12)), balance=f"{rng.randrange(100, 900_000)}.00",
                        otp=f"{rng.randrange(10**6):06d}", percent=rng.choice([10, 20, 50]))
                    record = {"sms_id": f"{user_id}-{index}", "sms_sender": rng.choice(SENDERS),
                              "sms_body": body, "sms_inbox_date": inbox}
                    originals.append(record)
                line = dict(record, user_id=user_id, client_id="bench", request_id=f"sr-{user_id}",
                            created_at=SYNC_MILLIS)
                out.write(json.dumps(line, separators=(",", ":")) + "\n")
                written += 1
    print(f"wrote {written} SMS of {options.users} users to {options.output}")


if __name__ == "__main__":
    main()
