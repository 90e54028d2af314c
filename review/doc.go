// Package review serves people: clerks confirm or correct each entry OCR found, keyboard first,
// with the field's image beside it; supervisors follow progress, order the queue and see the
// follow-up list; admins manage accounts. Server-rendered html/template pages with embedded
// assets, Vietnamese first and English on request.
package review
