-- How a report reached the coordinator: "online" (through the product), "paper", "document-system"
-- (the office's document management system, with its số văn bản) or "email". Null for reports
-- recorded before the column existed.
ALTER TABLE "Submission" ADD COLUMN "channel" TEXT;
