-- School news (events and announcements, "school-news") is on by default: whoever has any alert
-- on for a student gets it too, as new subscriptions do from now on (core/settings withDefaultsOn).
-- One row per such (person, student), delivered at once (within the usual window), with that
-- person's quiet hours for the student; a row already there (the person chose) is left as it is.
-- The id is derived from the (person, student) pair, so it is stable. Tests ("tests") stay opt-in.
INSERT INTO "Subscription" ("id", "personId", "studentId", "type", "enabled", "mode", "digestTime", "quietFrom", "quietTo", "thresholdKopecks", "updatedAt")
SELECT DISTINCT ON (s."personId", s."studentId")
  'sn' || md5(s."personId" || ':' || s."studentId"), s."personId", s."studentId", 'school-news', true, 'instant', NULL,
  s."quietFrom", s."quietTo", NULL, now()
FROM "Subscription" s
WHERE s."enabled"
ORDER BY s."personId", s."studentId", s."type"
ON CONFLICT ("personId", "studentId", "type") DO NOTHING;
