-- Term marks (final grades) are an alert type of their own, "final-grades". Whoever has grade
-- alerts on for a student gets them too, as new grade subscriptions do from now on: one row per
-- such (person, student), with that person's delivery and quiet hours. A row already there (the
-- person chose) is left as it is. The id is derived from the grades row, so it is stable.
INSERT INTO "Subscription" ("id", "personId", "studentId", "type", "enabled", "mode", "digestTime", "quietFrom", "quietTo", "thresholdKopecks", "updatedAt")
SELECT 'fg' || md5(s."id"), s."personId", s."studentId", 'final-grades', true, s."mode", s."digestTime", s."quietFrom", s."quietTo", NULL, now()
FROM "Subscription" s
WHERE s."type" = 'grades' AND s."enabled"
ON CONFLICT ("personId", "studentId", "type") DO NOTHING;
